using System.Security.Cryptography;
using System.Text;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.LogIntents;

/// <summary>
/// "Email" on a record, or "Reply" on a timeline: what the new message starts with — the record it was started from
/// and the records picked already — kept for the user until the new message's launch event (or its pane) claims it
/// into the message's intent, which then carries it until the message is sent.
/// </summary>
public sealed record ComposeStart
{
    public required Guid AccountId { get; init; }
    public required Guid Id { get; init; }
    public required Guid UserId { get; init; }
    /// <summary>A hash of the message's recipients (<see cref="KeyOf"/>): how the new message is recognised.</summary>
    public required string RecipientsKey { get; init; }
    public Guid? StartedFrom { get; init; }
    /// <summary>The records as a JSON array.</summary>
    public required string RecordIds { get; init; }
    public string? ComposeType { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The same To and Cc in any order and letter case give the same key; only a hash is kept (no addresses at rest
    /// for a message that may never be written).
    /// </summary>
    public static string KeyOf(IEnumerable<string> to, IEnumerable<string> cc)
    {
        var addresses = to.Concat(cc).Where(address => EmailAddresses.TryNormalize(address, out _)).Select(EmailAddresses.Normalize).Distinct().Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", addresses))));
    }
}

/// <summary>The body of <c>POST /api/log-intents/starts</c>: the new message's recipients and what it starts with.</summary>
public sealed record ComposeStartRequest(List<string>? To, List<string>? Cc, Guid? StartedFrom, List<Guid>? Associations, string? ComposeType);

public sealed record ComposeStartResponse(Guid Id, DateTimeOffset ClaimableUntil);

/// <summary>The body of <c>PUT /api/log-intents/{trackingId}/default</c>: the message's recipients and kind, as Outlook says them.</summary>
public sealed record DefaultIntentRequest(List<string>? To, List<string>? Cc, string? ComposeType);

/// <summary>An intent with the records it names, for a pane that opens on a message it did not start.</summary>
public sealed record DefaultIntentResponse(LogIntentResponse Intent, RecordSummary? StartedFrom, IReadOnlyList<RecordSummary> Records);
