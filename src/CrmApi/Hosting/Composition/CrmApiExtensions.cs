using Microsoft.AspNetCore.Authorization;
using OutlookCrm.CrmApi.Compose.Context;
using OutlookCrm.CrmApi.Compose.Recipients;
using OutlookCrm.CrmApi.Compose.SendChecks;
using OutlookCrm.CrmApi.Content.Files;
using OutlookCrm.CrmApi.Content.Library;
using OutlookCrm.CrmApi.Content.Rendering;
using OutlookCrm.CrmApi.Crm.AddressChoices;
using OutlookCrm.CrmApi.Crm.Associations;
using OutlookCrm.CrmApi.Crm.Cards;
using OutlookCrm.CrmApi.Crm.ContactsFromAddresses;
using OutlookCrm.CrmApi.Crm.Lookup;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Crm.Search;
using OutlookCrm.CrmApi.Crm.Teams;
using OutlookCrm.CrmApi.Email.ByHand;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.LoggingSettings;
using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.Email.NeverLog;
using OutlookCrm.CrmApi.Email.Outcomes;
using OutlookCrm.CrmApi.Email.Replies;
using OutlookCrm.CrmApi.Hosting.Api;
using OutlookCrm.CrmApi.MailboxSync.Connections;
using OutlookCrm.CrmApi.MailboxSync.Doctor;
using OutlookCrm.CrmApi.MailboxSync.Members;
using OutlookCrm.CrmApi.MailboxSync.Overview;
using OutlookCrm.CrmApi.Platform.Access;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.RateLimits;
using OutlookCrm.CrmApi.Privacy.Erasure;
using OutlookCrm.CrmApi.Privacy.LegalBasis;
using OutlookCrm.CrmApi.Privacy.Retention;

namespace OutlookCrm.CrmApi.Hosting.Composition;

public static class CrmApiExtensions
{
    /// <summary>The CRM core's stores and logic. All are stateless over the singleton <c>Db</c>.</summary>
    public static WebApplicationBuilder AddCrmCore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AccountStore>();
        services.AddSingleton<AccountOnboarding>();
        services.AddSingleton<RefusedTenants>();
        services.AddSingleton<IAccountSetup, BuiltinTypesSetup>();
        services.AddSingleton<ObjectTypeStore>();
        services.AddSingleton<RecordStore>();
        // What goes with a deleted record, each concept answering for its own rows (associations first: they point at both ends).
        services.AddSingleton<IRecordReferences>(provider => provider.GetRequiredService<AssociationStore>());
        services.AddSingleton<IRecordReferences>(provider => provider.GetRequiredService<EmailStore>());
        services.AddSingleton<IRecordReferences>(provider => provider.GetRequiredService<PrivacyStore>());
        services.AddSingleton<IRecordReferences>(provider => provider.GetRequiredService<AddressChoiceStore>());
        services.AddSingleton<RecordReader>();
        services.AddSingleton<SaveRecord>();
        services.AddSingleton<AssociationStore>();
        services.AddSingleton<LookupStore>();
        services.AddSingleton<EmailStore>();
        services.AddSingleton<EmailReader>();
        services.AddSingleton<EmailWriter>();
        services.AddSingleton<LogIntentReader>();
        services.AddSingleton<PrivacyStore>();
        services.AddSingleton<ContactCommunication>();
        services.AddSingleton<ContactFactsStore>();
        services.AddSingleton<ContactAuditTrail>();
        services.AddSingleton<RecipientCheck>();
        services.AddSingleton<SendCheck>();
        services.AddSingleton<ComposeRequestReader>();
        services.AddSingleton<ContactErasure>();
        services.AddSingleton<IPersonalDataErasure, EmailErasure>();
        services.AddSingleton<IBodyPurge>(provider => provider.GetRequiredService<EmailStore>());
        services.AddSingleton<SuppressedAddressStore>();
        services.AddSingleton<ISuppressedAddresses, SuppressedAddresses>();
        services.AddSingleton<ComposeContext>();
        services.AddSingleton<AddressChoiceStore>();
        services.AddSingleton<CardStore>();
        services.AddSingleton<ILastActivities, LastEmailStore>();
        services.AddSingleton<ContactFromAddress>();
        services.AddSingleton<NewContactStore>();
        services.AddSingleton<IOwnDomains, OwnDomains>();
        services.AddSingleton<ContentStore>();
        services.AddSingleton<ContentFileStore>();
        services.AddSingleton<ContentLibrary>();
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<ContentRenderer>();
        services.AddSingleton<TeamStore>();
        services.AddSingleton<AccountAuditStore>();
        services.AddSingleton<AccountAudit>();
        services.AddSingleton<RefusalAudit>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddSingleton<Addin.EventScript>();
        services.AddAdminConsoleApi();
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
            .RequireRateLimiting(TenantRateLimit.Policy)
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
        api.MapMailboxMembers();
        api.MapLogIntents();
        api.MapNeverLog();
        api.MapEmailStatus();
        api.MapLogByHand();
        api.MapLoggingSettings();
        api.MapMyLogging();
        api.MapAddressChoices();
        api.MapSearch();
        api.MapCards();
        api.MapNewContacts();
        api.MapReplyContext();
        api.MapContent();
        api.MapContentRendering();
        api.MapContentFiles();
        api.MapTeams();
        api.MapAccountAudit();
        api.MapAccessSettings();
        api.MapDoctor();
        api.MapMailFlowOverview();
        api.MapAdminConsoleApi();
        ((IEndpointConventionBuilder)api).Add(RoleDecisions.Apply);
        return app;
    }
}
