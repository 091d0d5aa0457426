using OutlookCrm.CrmApi.Email.NeverLog;
using OutlookCrm.CrmApi.MailboxSync.People;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Hosting.Composition;

/// <summary>
/// What the admin console's pages read beyond the routes the pane and curl already had (issue 19): people, the
/// account-wide legal-basis audit, previews of erasure and purges. Kept apart so its registrations read as one list.
/// </summary>
public static class AdminConsoleExtensions
{
    public static IServiceCollection AddAdminConsoleApi(this IServiceCollection services)
    {
        services.AddSingleton<LastSeen>();
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<LegalBasisAuditStore>();
        services.AddSingleton<LegalBasisAudit>();
        services.AddSingleton<NeverLogDrafts>();
        return services;
    }

    public static RouteGroupBuilder MapAdminConsoleApi(this RouteGroupBuilder api)
    {
        api.MapPeople();
        api.MapLegalBasisAudit();
        return api;
    }
}
