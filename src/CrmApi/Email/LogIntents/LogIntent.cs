using System.Text.Json;
using OutlookCrm.CrmApi.Email.LoggedEmails;

namespace OutlookCrm.CrmApi.Email.LogIntents;

public static class ComposeTypes
{
    public const string NewMail = "newMail";
    public const string Reply = "reply";
    public const string Forward = "forward";

    public static readonly IReadOnlyList<string> All = [NewMail, Reply, Forward];
}

/// <summary>Who registered an intent: the pane (the rep's choice) or the launch event (the default: the policy decides, with the record the message was started from).</summary>
public static class LogIntentOrigins
{
    public const string Pane = "pane";
    public const string Default = "default";
}

/// <summary>What the pane (or the launch event, by default) registered for an email stamped with a tracking id.</summary>
public sealed record LogIntent
{
    public required Guid AccountId { get; init; }
    public required string TrackingId { get; init; }
    public required Guid UserId { get; init; }
    public required bool DoLog { get; init; }
    /// <summary>The record ids as a JSON array.</summary>
    public required string RecordIds { get; init; }
    public string? ComposeType { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public Guid? EmailId { get; init; }
    /// <summary>The library items inserted into the email, as JSON (<see cref="LoggedEmails.InsertedItems"/>).</summary>
    public string? Inserted { get; init; }
    /// <summary>The closed tickets among the records that the rep said the email concerns, as a JSON array (null: none).</summary>
    public string? ConfirmedClosedTickets { get; init; }
    /// <summary><see cref="LogIntentOrigins"/>: a default intent's records are the start's, not a choice made in the pane.</summary>
    public string Origin { get; init; } = LogIntentOrigins.Pane;
    /// <summary>The record "Email" was pressed on, when the message was started from one.</summary>
    public Guid? StartedFrom { get; init; }

    public IReadOnlyList<Guid> Records => JsonSerializer.Deserialize<List<Guid>>(RecordIds) ?? [];

    public IReadOnlyList<Guid> ClosedTicketsConfirmed => ConfirmedClosedTickets is null ? [] : JsonSerializer.Deserialize<List<Guid>>(ConfirmedClosedTickets) ?? [];

    public IReadOnlyList<InsertedItem> InsertedItems => LoggedEmails.InsertedItems.FromJson(Inserted);

    public LogIntentResponse ToResponse() =>
        new(TrackingId, DoLog, Records, ComposeType, ExpiresAt, EmailId, EmailId is null ? "pending" : "logged", InsertedItems.Select(item => item.Label).ToList(),
            ClosedTicketsConfirmed, Origin, StartedFrom);
}

/// <summary>
/// The body of the PUT; <c>inserted</c> (library item ids) is kept as it was when left out; <c>confirmedClosedTickets</c>
/// (closed tickets among <c>associations</c> the email concerns, which the send check then counts) goes with the
/// associations it belongs to: left out means none.
/// </summary>
public sealed record LogIntentRequest(bool? Log, List<Guid>? Associations, string? ComposeType, List<Guid>? Inserted = null, List<Guid>? ConfirmedClosedTickets = null);

public sealed record LogIntentResponse(
    string TrackingId, bool Log, IReadOnlyList<Guid> Associations, string? ComposeType, DateTimeOffset ExpiresAt, Guid? EmailId, string Status, IReadOnlyList<string> Inserted,
    IReadOnlyList<Guid> ConfirmedClosedTickets, string Origin, Guid? StartedFrom);
