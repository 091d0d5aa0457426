using OutlookCrm.CrmApi.MailboxSync.Doctor;
using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.Hosting.Composition;

public static class DoctorExtensions
{
    /// <summary>The doctor (the <c>doctor</c> command and <c>GET /api/admin/doctor</c>): its checks, in the order they run.</summary>
    public static WebApplicationBuilder AddDoctor(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(provider => new GraphTokens(IngestionExtensions.TokenProviders(provider.GetRequiredService<GraphOptions>(), provider)));
        services.AddSingleton(provider => DoctorSettings.From(builder.Configuration, provider.GetRequiredService<GraphOptions>()));
        services.AddSingleton<IDoctorCheck, TokenCheck>();
        services.AddSingleton<IDoctorCheck, MailboxReadCheck>();
        services.AddSingleton<IDoctorCheck, AccessScopeCheck>();
        services.AddSingleton<IDoctorCheck, WebhookCheck>();
        services.AddSingleton<IDoctorCheck, LifetimeCheck>();
        services.AddSingleton<IDoctorCheck, ClockCheck>();
        services.AddSingleton<DoctorRunner>();
        return builder;
    }
}
