using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>An email to log, as the logging pipeline (or the demo data) knows it.</summary>
public sealed record NewEmail
{
    public required Guid AccountId { get; init; }
    public required string InternetMessageId { get; init; }
    public string? ConversationId { get; init; }
    public required string Kind { get; init; }
    public required string Direction { get; init; }
    public required string Subject { get; init; }
    public required Mailbox From { get; init; }
    /// <summary>Who sent it on the author's behalf (a delegate, a shared mailbox), when not the author.</summary>
    public Mailbox? Sender { get; init; }
    public IReadOnlyList<Mailbox> To { get; init; } = [];
    public IReadOnlyList<Mailbox> Cc { get; init; } = [];
    public IReadOnlyList<Mailbox> Bcc { get; init; } = [];
    public required DateTimeOffset SentAt { get; init; }
    public required string BodyHtml { get; init; }
    public required string LoggedBecause { get; init; }
    public required IReadOnlyList<Guid> RecordIds { get; init; }
    public IReadOnlyList<AttachmentInfo>? Attachments { get; init; }
    public IReadOnlyList<InsertedItem>? Inserted { get; init; }

    /// <summary>A message as Graph gave it, logged as <paramref name="kind"/> to <paramref name="records"/> because of <paramref name="because"/>.</summary>
    public static NewEmail Of(Guid accountId, FetchedMessage message, string kind, bool outgoing, string because, IReadOnlyList<Guid> records) => new()
    {
        AccountId = accountId,
        InternetMessageId = message.InternetMessageId,
        ConversationId = message.ConversationId,
        Kind = kind,
        Direction = outgoing ? EmailDirections.Outgoing : EmailDirections.Incoming,
        Subject = message.Subject,
        From = message.From,
        Sender = message.Sender,
        To = message.To,
        Cc = message.Cc,
        Bcc = message.Bcc,
        SentAt = message.SentAt,
        BodyHtml = message.BodyHtml,
        LoggedBecause = because,
        RecordIds = records,
    };
}

public abstract record WriteEmailResult
{
    /// <summary>Checked and built, to be stored in a transaction of the caller's (<see cref="EmailWriter.StoreAsync"/>).</summary>
    public sealed record Ready(PreparedEmail Email) : WriteEmailResult;

    public sealed record Logged(Guid EmailId) : WriteEmailResult;

    /// <summary>The account already has this Internet Message-ID: it is stored once, whoever saw it.</summary>
    public sealed record AlreadyLogged(Guid EmailId) : WriteEmailResult;

    public sealed record UnknownRecords(IReadOnlyList<Guid> RecordIds) : WriteEmailResult;
}

/// <summary>An email ready to store: its row (with its id), its participants and its timeline entries.</summary>
public sealed record PreparedEmail(LoggedEmail Row, IReadOnlyList<EmailParticipant> Participants, IReadOnlyList<EmailAssociation> Associations)
{
    public Guid Id => Row.Id;
}
