using OutlookCrm.CrmApi.Accounts;
using OutlookCrm.CrmApi.AddressChoices;
using OutlookCrm.CrmApi.Associations;
using OutlookCrm.CrmApi.Auth;
using OutlookCrm.CrmApi.Cards;
using OutlookCrm.CrmApi.Compose;
using OutlookCrm.CrmApi.Content;
using OutlookCrm.CrmApi.Emails;
using OutlookCrm.CrmApi.Erasure;
using OutlookCrm.CrmApi.Logging;
using OutlookCrm.CrmApi.LogIntents;
using OutlookCrm.CrmApi.Lookup;
using OutlookCrm.CrmApi.Mailboxes;
using OutlookCrm.CrmApi.NewContacts;
using OutlookCrm.CrmApi.ObjectTypes;
using OutlookCrm.CrmApi.Privacy;
using OutlookCrm.CrmApi.Records;
using OutlookCrm.CrmApi.Replies;
using OutlookCrm.CrmApi.Search;
using OutlookCrm.CrmApi.Teams;

namespace OutlookCrm.CrmApi.Hosting;

public static class CrmApiExtensions
{
    /// <summary>The CRM core's stores and logic. All are stateless over the singleton <c>Db</c>.</summary>
    public static WebApplicationBuilder AddCrmCore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AccountStore>();
        services.AddSingleton<AccountOnboarding>();
        services.AddSingleton<ObjectTypeStore>();
        services.AddSingleton<RecordStore>();
        services.AddSingleton<RecordReader>();
        services.AddSingleton<SaveRecord>();
        services.AddSingleton<AssociationStore>();
        services.AddSingleton<LookupStore>();
        services.AddSingleton<EmailStore>();
        services.AddSingleton<EmailReader>();
        services.AddSingleton<EmailWriter>();
        services.AddSingleton<PrivacyStore>();
        services.AddSingleton<ContactCommunication>();
        services.AddSingleton<RecipientCheck>();
        services.AddSingleton<SendCheck>();
        services.AddSingleton<ComposeRequestReader>();
        services.AddSingleton<ContactErasure>();
        services.AddSingleton<ComposeContext>();
        services.AddSingleton<AddressChoices.AddressChoiceStore>();
        services.AddSingleton<CardStore>();
        services.AddSingleton<ContactFromAddress>();
        services.AddSingleton<ContentStore>();
        services.AddSingleton<ContentLibrary>();
        services.AddSingleton<ContentRenderer>();
        services.AddSingleton<TeamStore>();
        services.AddSingleton<Manifest.EventScript>();
        return builder;
    }

    /// <summary>
    /// Every route under /api needs a CRM user's token and runs with the caller's account resolved, so no handler can
    /// forget the tenancy check.
    /// </summary>
    public static WebApplication MapCrmApi(this WebApplication app)
    {
        var api = app.MapGroup("/api")
            .RequireAuthorization(AuthExtensions.CrmUserPolicy)
            .WithMetadata(RequiresCurrentUser.Instance)
            .RequireRateLimiting(RateLimits.TenantRateLimit.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapMe();
        api.MapObjectTypes();
        api.MapRecords();
        api.MapAssociations();
        api.MapLookup();
        api.MapEmails();
        api.MapPrivacySettings();
        api.MapContactCommunication();
        api.MapCompose();
        api.MapErasure();
        api.MapMailboxes();
        api.MapLogIntents();
        api.MapNeverLog();
        api.MapEmailStatus();
        api.MapLogByHand();
        api.MapLoggingSettings();
        api.MapAddressChoices();
        api.MapSearch();
        api.MapCards();
        api.MapNewContacts();
        api.MapReplyContext();
        api.MapContent();
        api.MapContentFiles();
        api.MapTeams();
        return app;
    }
}
