using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.GraphEmulator;

namespace OutlookCrm.CrmApi.Hosting.Emulator;

/// <summary>
/// Mounts the Microsoft Graph emulator in-process when <c>Graph:Emulator</c> is true (the Development default), so
/// <c>dotnet run</c> needs no Microsoft 365 tenant. Never in Production.
/// </summary>
public static class EmulatorHosting
{
    public static WebApplicationBuilder AddGraphEmulatorIfConfigured(this WebApplicationBuilder builder)
    {
        if (IsEnabled(builder.Configuration, builder.Environment))
        {
            builder.Services.AddGraphEmulator(builder.Configuration);
        }
        return builder;
    }

    public static WebApplication MapGraphEmulatorIfConfigured(this WebApplication app)
    {
        if (IsEnabled(app.Configuration, app.Environment))
        {
            // The emulator stands for Microsoft Graph, another service with limits of its own (a message of several MB
            // is sent to it in tests): the API's 1 MB cap on JSON bodies is not its.
            app.MapGroup("").WithMetadata(new OwnBodyLimit()).MapGraphEmulator();
        }
        return app;
    }

    private static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment)
    {
        var enabled = configuration.GetValue<bool>("Graph:Emulator");
        if (enabled && environment.IsProduction())
        {
            throw new InvalidOperationException("Graph:Emulator is refused in Production.");
        }
        return enabled;
    }
}
