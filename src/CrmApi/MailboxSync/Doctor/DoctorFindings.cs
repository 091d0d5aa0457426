using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.MailboxSync.Doctor;

/// <summary>What the doctor is asked: the tenant, a mailbox the app should read, and one it should not.</summary>
public sealed record DoctorRequest(string TenantId, string? Mailbox, string? Outside);

/// <summary>One check's answer: ok, failed (with the exact fix) or skipped (and why).</summary>
public sealed record DoctorFinding(string Check, string Status, string Summary, string? Fix = null)
{
    public const string Passed = "ok";
    public const string Failing = "failed";
    public const string NotRun = "skipped";

    public static DoctorFinding Ok(string check, string summary) => new(check, Passed, summary);

    public static DoctorFinding Failed(string check, string summary, string fix) => new(check, Failing, summary, fix);

    public static DoctorFinding Skipped(string check, string why) => new(check, NotRun, why);
}

/// <summary>The doctor's answer: every check in order; <see cref="Passed"/> when none failed.</summary>
public sealed record DoctorReport(string TenantId, string? Mailbox, string? Outside, bool Passed, IReadOnlyList<DoctorFinding> Checks);

/// <summary>
/// One visit's shared state: a later check reads what an earlier one found (the token was taken, the mailbox is
/// readable, the test subscription exists), so nothing is asked of Graph twice and nothing is tried past a failure.
/// </summary>
public sealed class DoctorVisit(DoctorRequest request, Func<IGraphMail> graph)
{
    // Built on first use: without sign-in settings building it throws, and the token check says why first.
    private readonly Lazy<IGraphMail> _graph = new(graph);

    public DoctorRequest Request { get; } = request;

    public IGraphMail Graph => _graph.Value;

    public bool GraphTakesToken { get; set; }

    public DateTimeOffset? GraphDate { get; set; }

    public bool MailboxReadable { get; set; }

    public GraphSubscriptionInfo? TestSubscription { get; set; }
}

/// <summary>One of the doctor's checks; each is a class of its own, run in the order they are registered.</summary>
public interface IDoctorCheck
{
    string Name { get; }

    Task<DoctorFinding> RunAsync(DoctorVisit visit, CancellationToken ct);
}

/// <summary>The deployment's settings the checks name in their fixes.</summary>
public sealed record DoctorSettings(string ClientId, string PublicBaseUrl, bool Emulator)
{
    public static DoctorSettings From(IConfiguration configuration, GraphOptions graph) => new(
        configuration["AzureAd:ClientId"] is { Length: > 0 } clientId ? clientId : "<application (client) id>",
        (configuration["App:PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/'),
        graph.Emulator);

    public string WebhookUrl => $"{PublicBaseUrl}/webhooks/graph";

    /// <summary>Where an admin of the tenant consents to the app's application permissions (the v1 admin-consent endpoint).</summary>
    public string AdminConsentUrl(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/adminconsent?client_id={ClientId}";
}
