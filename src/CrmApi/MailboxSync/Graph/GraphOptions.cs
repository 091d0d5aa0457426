namespace OutlookCrm.CrmApi.MailboxSync.Graph;

/// <summary>The <c>Graph</c> configuration section: where Microsoft Graph is and how the product uses it.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Microsoft Graph, or the emulator's <c>.../_emulator/graph/v1.0</c>.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Mount the in-process emulator (never in Production).</summary>
    public bool Emulator { get; set; }

    /// <summary>The static token the emulator accepts; production uses app-only Entra tokens instead.</summary>
    public string EmulatorAccessToken { get; set; } = "emulator-access-token";

    /// <summary>The add-in's manifest id: its custom properties are the item's <c>cecp-{id}</c> named property.</summary>
    public string AddinId { get; set; } = "7f3b6a2e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

    /// <summary>Requested subscription lifetime; Outlook allows 10,080 minutes without resource data (older docs: 4,230).</summary>
    public int SubscriptionLifetimeMinutes { get; set; } = 10_020;

    /// <summary>Renew a subscription when less than this is left, so a day of failed renewals still loses nothing.</summary>
    public int RenewBeforeMinutes { get; set; } = 1_440;
}
