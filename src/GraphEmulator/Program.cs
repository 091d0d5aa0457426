namespace OutlookCrm.GraphEmulator;

/// <summary>
/// The standalone host: the same endpoints CrmApi mounts in-process, on their own port. A named class rather than
/// top-level statements, so its entry point does not clash with CrmApi's <c>Program</c> in the tests.
/// </summary>
public static class EmulatorHost
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddGraphEmulator(builder.Configuration);

        var app = builder.Build();
        app.MapGraphEmulator();
        app.Run();
    }
}
