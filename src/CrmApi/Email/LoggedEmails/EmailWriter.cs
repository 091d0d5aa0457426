using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Html;
using OutlookCrm.CrmApi.Privacy.Erasure;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>An email to log, as the logging pipeline (or the demo data) knows it.</summary>
public sealed record NewEmail(
    Guid AccountId,
    string InternetMessageId,
    string? ConversationId,
    string Kind,
    string Direction,
    string Subject,
    Mailbox From,
    IReadOnlyList<Mailbox> To,
    IReadOnlyList<Mailbox> Cc,
    IReadOnlyList<Mailbox> Bcc,
    DateTimeOffset SentAt,
    string BodyHtml,
    string LoggedBecause,
    IReadOnlyList<Guid> RecordIds,
    Mailbox? Sender = null,
    IReadOnlyList<AttachmentInfo>? Attachments = null,
    IReadOnlyList<InsertedItem>? Inserted = null);

public abstract record WriteEmailResult
{
    public sealed record Logged(Guid EmailId) : WriteEmailResult;

    /// <summary>The account already has this Internet Message-ID: it is stored once, whoever saw it.</summary>
    public sealed record AlreadyLogged(Guid EmailId) : WriteEmailResult;

    public sealed record UnknownRecords(IReadOnlyList<Guid> RecordIds) : WriteEmailResult;
}

/// <summary>
/// The one way an email enters the timelines: sanitised body, normalised participants, records checked to belong to
/// the account, and stored once per Internet Message-ID, all in one transaction.
/// </summary>
public sealed class EmailWriter(EmailStore emails, RecordStore records, SuppressedAddressStore suppressed, TimeProvider clock)
{
    public static readonly System.Text.Json.JsonSerializerOptions AttachmentJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    public Task<WriteEmailResult> WriteAsync(NewEmail email, CancellationToken ct) => WriteAsync(email, alongside: null, ct);

    /// <summary>
    /// Logs the email; <paramref name="alongside"/> (given the new email's id) writes in the same transaction what must
    /// land with it or not at all — the mailbox's sighting, the decision's outcome. It does not run when the email was
    /// already logged or a record is unknown.
    /// </summary>
    public async Task<WriteEmailResult> WriteAsync(NewEmail email, Func<System.Data.Common.DbTransaction, Guid, Task>? alongside, CancellationToken ct)
    {
        var messageId = email.InternetMessageId.Trim();
        if (await emails.GetIdByMessageIdAsync(email.AccountId, messageId, ct) is { } existing)
        {
            return new WriteEmailResult.AlreadyLogged(existing);
        }
        var recordIds = email.RecordIds.Distinct().ToList();
        var found = await records.GetManyByIdsAsync(email.AccountId, recordIds, ct);
        var unknown = recordIds.Except(found.Select(record => record.Id)).ToList();
        if (unknown.Count > 0)
        {
            return new WriteEmailResult.UnknownRecords(unknown);
        }
        email = await WithoutErasedAddressesAsync(email, ct);
        var now = clock.GetUtcNow();
        var body = EmailBodies.Sanitize(email.BodyHtml);
        var row = new LoggedEmail
        {
            Id = clock.NewId(),
            AccountId = email.AccountId,
            InternetMessageId = messageId,
            ConversationId = email.ConversationId,
            Kind = email.Kind,
            Direction = email.Direction,
            Subject = email.Subject,
            FromAddress = email.From.Address.Trim(),
            FromName = email.From.Name,
            SentAt = email.SentAt.ToUniversalTime(),
            BodyHtml = body,
            Preview = EmailBodies.Preview(body),
            LoggedBecause = email.LoggedBecause,
            CreatedAt = now,
            SenderAddress = email.Sender?.Address.Trim(),
            SenderName = email.Sender?.Name,
            Attachments = email.Attachments is { Count: > 0 } attachments ? System.Text.Json.JsonSerializer.Serialize(attachments, AttachmentJson) : null,
            Inserted = InsertedItems.ToJson(email.Inserted),
        };
        var participants = Participants(row, email).ToList();
        var associations = recordIds.Select(recordId => new EmailAssociation
        {
            EmailId = row.Id,
            RecordId = recordId,
            AccountId = row.AccountId,
            SentAt = row.SentAt,
            CreatedAt = now,
        }).ToList();
        try
        {
            await emails.CreateAsync(row, participants, associations, alongside is null ? null : transaction => alongside(transaction, row.Id), ct);
            return new WriteEmailResult.Logged(row.Id);
        }
        catch (System.Data.Common.DbException)
        {
            // Two mailboxes' copies of one message were logged at once; the unique index kept the first.
            var raced = await emails.GetIdByMessageIdAsync(email.AccountId, messageId, ct);
            if (raced is null)
            {
                throw;
            }
            return new WriteEmailResult.AlreadyLogged(raced.Value);
        }
    }

    /// <summary>An address erased under GDPR never re-enters the CRM: it is redacted before anything is stored.</summary>
    private async Task<NewEmail> WithoutErasedAddressesAsync(NewEmail email, CancellationToken ct)
    {
        IEnumerable<Mailbox> everyone = [email.From, .. email.To, .. email.Cc, .. email.Bcc, .. email.Sender is null ? [] : new[] { email.Sender }];
        var hashes = everyone.Select(mailbox => ErasedAddresses.Hash(email.AccountId, EmailAddresses.Normalize(mailbox.Address))).Distinct().ToList();
        var erased = await suppressed.GetErasedHashesAsync(email.AccountId, hashes, ct);
        if (erased.Count == 0)
        {
            return email;
        }
        Mailbox Redact(Mailbox mailbox) =>
            erased.Contains(ErasedAddresses.Hash(email.AccountId, EmailAddresses.Normalize(mailbox.Address))) ? new Mailbox(ErasedAddresses.RedactedAddress, null) : mailbox;
        return email with
        {
            From = Redact(email.From),
            To = email.To.Select(Redact).ToList(),
            Cc = email.Cc.Select(Redact).ToList(),
            Bcc = email.Bcc.Select(Redact).ToList(),
            Sender = email.Sender is null ? null : Redact(email.Sender),
        };
    }

    private static IEnumerable<EmailParticipant> Participants(LoggedEmail row, NewEmail email)
    {
        IEnumerable<(string Role, IReadOnlyList<Mailbox> Mailboxes)> groups =
        [
            (ParticipantRoles.From, [email.From]),
            (ParticipantRoles.To, email.To),
            (ParticipantRoles.Cc, email.Cc),
            (ParticipantRoles.Bcc, email.Bcc),
        ];
        return groups.SelectMany(group => group.Mailboxes.Select((mailbox, position) => new EmailParticipant
        {
            EmailId = row.Id,
            AccountId = row.AccountId,
            Role = group.Role,
            Position = position,
            Address = mailbox.Address.Trim(),
            AddressNormalized = EmailAddresses.Normalize(mailbox.Address),
            DisplayName = mailbox.Name,
        }));
    }
}
