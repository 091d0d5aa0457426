using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookCrm.GraphEmulator.Endpoints;
using OutlookCrm.GraphEmulator.Faults;
using OutlookCrm.GraphEmulator.Mail;
using OutlookCrm.GraphEmulator.Subscriptions;

namespace OutlookCrm.GraphEmulator;

/// <summary>
/// Wires the emulator into a host. Its routes live under <c>/_emulator</c>: the control API, and under
/// <c>/_emulator/graph/v1.0</c> the Microsoft Graph surface the product uses.
/// </summary>
public static class GraphEmulatorExtensions
{
    public const string RoutePrefix = "/_emulator";
    public const string GraphPath = RoutePrefix + "/graph/v1.0";

    public static IServiceCollection AddGraphEmulator(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(EmulatorOptions.Section).Get<EmulatorOptions>() ?? new EmulatorOptions();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        // Graph needs the validation echo itself, "200 OK" (learn.microsoft.com graph/change-notifications-delivery-webhooks,
        // "notificationUrl validation"): a redirect (HTTPS redirection, a sign-in page) is a failed validation, not followed.
        services.AddHttpClient(NotificationDispatcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<MailStore>();
        services.AddSingleton<MessageFactory>();
        services.AddSingleton<MailService>();
        services.AddSingleton<ClassicForwards>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<SubscriptionValidator>();
        services.AddSingleton<WebhookRules>();
        services.AddSingleton<FaultState>();
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<EmulatorStats>();
        services.AddSingleton<ThrottlingWindows>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationDispatcher>());
        return services;
    }

    public static IEndpointRouteBuilder MapGraphEmulator(this IEndpointRouteBuilder endpoints)
    {
        var emulator = endpoints.MapGroup(RoutePrefix).WithTags("Graph emulator").ExcludeFromDescription().AllowAnonymous();
        emulator.MapGet("/", () => TypedResults.Ok(new EmulatorInfo("OutlookCrm Graph emulator", GraphPath)));
        emulator.MapControl().MapTenantControl();
        emulator.MapGroup("/graph/v1.0").AddEndpointFilter<GraphGate>().AddEndpointFilter<AccessPolicyGate>().MapSubscriptions().MapMessages().MapFolders().MapDelta();
        return endpoints;
    }
}

/// <summary>What the emulator says about itself; tests use it to know the emulator is up.</summary>
public sealed record EmulatorInfo(string Name, string GraphBasePath);
