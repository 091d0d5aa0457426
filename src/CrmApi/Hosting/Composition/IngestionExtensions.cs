using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;
using OutlookCrm.CrmApi.Compose.UncheckedSends;
using OutlookCrm.CrmApi.Email.ByHand;
using OutlookCrm.CrmApi.Email.LoggingSettings;
using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.Email.NeverLog;
using OutlookCrm.CrmApi.Email.Outcomes;
using OutlookCrm.CrmApi.Email.Replies;
using OutlookCrm.CrmApi.Email.Rules;
using OutlookCrm.CrmApi.Email.Threads;
using OutlookCrm.CrmApi.MailboxSync.Connections;
using OutlookCrm.CrmApi.MailboxSync.FlowCounters;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Members;
using OutlookCrm.CrmApi.MailboxSync.Overview;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;
using OutlookCrm.CrmApi.MailboxSync.Throttling;
using OutlookCrm.CrmApi.MailboxSync.Webhooks;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Housekeeping;

namespace OutlookCrm.CrmApi.Hosting.Composition;

public static class IngestionExtensions
{
    public const string EmulatorGraphPath = "/_emulator/graph/v1.0";

    /// <summary>Graph access, mailbox connections, the webhook intake, the worker and the subscription keeper.</summary>
    public static WebApplicationBuilder AddIngestion(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var graph = configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions();
        var ingestion = configuration.GetSection(IngestionOptions.Section).Get<IngestionOptions>() ?? new IngestionOptions();
        var publicBaseUrl = configuration["App:PublicBaseUrl"] ?? "http://localhost:5080";
        // With the in-process emulator and no explicit base URL, Graph is this very host (tests point it elsewhere).
        if (graph.Emulator && string.IsNullOrWhiteSpace(configuration["Graph:BaseUrl"]))
        {
            graph.BaseUrl = publicBaseUrl.TrimEnd('/') + EmulatorGraphPath;
        }
        var services = builder.Services;
        services.AddSingleton(graph);
        services.AddSingleton(ingestion);
        // Loaded now, so a deployment without its key fails at start, naming the setting.
        var clientStateOptions = configuration.GetSection(ClientStateOptions.Section).Get<ClientStateOptions>() ?? new ClientStateOptions();
        services.AddSingleton(ClientStateKeys.Load(clientStateOptions, builder.Environment));
        services.AddSingleton<ClientStates>();
        services.AddSingleton(new BoundedCache<Guid, SubscriptionRow>(ingestion.WebhookCacheEntries, TimeSpan.FromSeconds(30)));
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, WebhookRateLimit>(WebhookRateLimit.Policy));
        services.AddSingleton<IGraphMailFactory>(provider =>
            new GraphMailFactory(graph, TokenProviders(graph, provider), publicBaseUrl, provider.GetService<GraphTransport>()?.Create()));
        services.AddSingleton<MailboxStore>();
        services.AddSingleton<SubscriptionStore>();
        // What goes with a disconnected mailbox, each concept answering for its own rows.
        services.AddSingleton<IMailboxReferences>(provider => provider.GetRequiredService<ThreadStore>());
        services.AddSingleton<IMailboxReferences>(provider => provider.GetRequiredService<OutcomeStore>());
        services.AddSingleton<IMailboxReferences>(provider => provider.GetRequiredService<InboxStore>());
        services.AddSingleton<IMailboxReferences>(provider => provider.GetRequiredService<JobStore>());
        services.AddSingleton<IMailboxReferences>(provider => provider.GetRequiredService<SubscriptionStore>());
        services.AddSingleton<IMailboxReferences>(provider => provider.GetRequiredService<MailboxGateStore>());
        services.AddSingleton<IMailboxReferences>(provider => provider.GetRequiredService<FlowCounterStore>());
        // Who acts for a team or help-desk mailbox (issue 20): the list goes with the mailbox.
        services.AddSingleton<MailboxMemberStore>();
        services.AddSingleton<IMailboxReferences>(provider => provider.GetRequiredService<MailboxMemberStore>());
        services.AddSingleton<ActingMailboxes>();
        // Rows trimmed by age once they have served, each table answering for its own.
        services.AddSingleton<IAgedRows>(provider => provider.GetRequiredService<InboxStore>());
        services.AddSingleton<IAgedRows>(provider => provider.GetRequiredService<OutcomeStore>());
        services.AddSingleton<IAgedRows>(provider => provider.GetRequiredService<LogIntentStore>());
        services.AddSingleton<IAgedRows>(provider => provider.GetRequiredService<ComposeStartStore>());
        services.AddSingleton<IAgedRows>(provider => provider.GetRequiredService<FlowCounterStore>());
        // The admin overview's hourly counters and what it reads them with.
        services.AddSingleton<FlowCounterStore>();
        services.AddSingleton<MailFlowOverview>();
        services.AddSingleton<SubscriptionManager>();
        services.AddSingleton<ConnectMailbox>();
        services.AddSingleton<MailboxLocator>();
        services.AddSingleton<MailboxDescriber>();
        services.AddSingleton<ImportHistory>();
        services.AddSingleton<DisconnectMailbox>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<DeltaCatchUp>();
        // Outlook's per-mailbox limits, kept across instances in the shared database (MailboxSync/Throttling).
        services.AddSingleton(new MailboxLimits(
            ingestion.MaxConcurrentPerMailbox, ingestion.RequestBudgetPerMailbox, ingestion.RequestBudgetWindow, ingestion.GraphSlotLease));
        services.AddSingleton<MailboxGateStore>();
        services.AddSingleton<SharedSlots>();
        services.AddSingleton<RequestBudget>();
        services.AddSingleton<MailboxJobRunner>();
        services.AddSingleton<MailboxGates>();
        services.AddSingleton<IngestionSignal>();
        services.AddSingleton<MessageProcessor>();
        services.AddSingleton<WebhookCounters>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<LogIntentStore>();
        services.AddSingleton<ComposeStartStore>();
        services.AddSingleton<ThreadStore>();
        services.AddSingleton<OutcomeStore>();
        services.AddSingleton<LoggingSettingsStore>();
        services.AddSingleton<InternalAddresses>();
        services.AddSingleton<NeverLogStore>();
        services.AddSingleton<NeverLogPurges>();
        services.AddHostedService<NeverLogPurgeSweeper>();
        services.AddSingleton<HelpdeskTickets>();
        services.AddSingleton<UnknownRecipients>();
        services.AddSingleton<ISentMailAccounting, SentMailAccounting>();
        services.AddSingleton<LoggingRules>();
        services.AddSingleton<IMessageHandler>(provider => provider.GetRequiredService<LoggingRules>());
        services.AddSingleton<LoggingGate>();
        services.AddSingleton<PolicyRecords>();
        services.AddSingleton<InheritedStamps>();
        services.AddSingleton<ThreadMatching>();
        services.AddSingleton<ReplyContextReader>();
        services.AddSingleton<LogByHand>();
        services.AddSingleton<SubscriptionKeeper>();
        if (ingestion.Enabled)
        {
            services.AddHostedService<IngestionWorker>();
            services.AddHostedService(provider => provider.GetRequiredService<SubscriptionKeeper>());
        }
        return builder;
    }

    /// <summary>The app's Graph token provider per tenant; the doctor asks it for a token by itself.</summary>
    internal static Func<string, IAccessTokenProvider> TokenProviders(GraphOptions graph, IServiceProvider provider)
    {
        if (graph.Emulator)
        {
            var emulatorToken = new StaticTokenProvider(graph.EmulatorAccessToken);
            return _ => emulatorToken;
        }
        return tenant => new AppOnlyTokenProvider(
            provider.GetService<ITokenAcquisition>() ?? throw new InvalidOperationException("Graph needs AzureAd client credentials (see docs/deploy.md)."), tenant);
    }
}
