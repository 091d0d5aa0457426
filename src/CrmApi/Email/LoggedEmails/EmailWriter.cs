using System.Data.Common;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Platform.Html;
using OutlookCrm.CrmApi.Privacy.Erasure;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>
/// The one way an email enters the timelines: sanitised body, normalised participants, records checked to belong to
/// the account, and stored once per Internet Message-ID, all in one transaction.
/// </summary>
public sealed class EmailWriter(Db db, EmailStore emails, RecordStore records, SuppressedAddressStore suppressed, TimeProvider clock)
{
    public static readonly System.Text.Json.JsonSerializerOptions AttachmentJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>Logs the email in a transaction of its own; for callers with nothing to write beside it (the demo data).</summary>
    public async Task<WriteEmailResult> WriteAsync(NewEmail email, CancellationToken ct)
    {
        var prepared = await PrepareAsync(email, ct);
        if (prepared is not WriteEmailResult.Ready ready)
        {
            return prepared;
        }
        try
        {
            await db.InTransactionAsync(transaction => StoreAsync(transaction, ready.Email, ct), ct);
            return new WriteEmailResult.Logged(ready.Email.Id);
        }
        catch (DbException)
        {
            // Two mailboxes' copies of one message were logged at once; the unique index kept the first.
            if (await LoggedFirstAsync(ready.Email, ct) is { } raced)
            {
                return raced;
            }
            throw;
        }
    }

    /// <summary>
    /// Checks and builds the email (already logged, or records unknown, end it here). The caller stores it with
    /// <see cref="StoreAsync"/> in its own transaction, with what must land beside it — the mailbox's sighting, the
    /// decision's outcome — and after a failed transaction asks <see cref="LoggedFirstAsync"/> whether another mailbox's
    /// copy won the race.
    /// </summary>
    public async Task<WriteEmailResult> PrepareAsync(NewEmail email, CancellationToken ct)
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
        var body = LongBodies.Sanitize(email.BodyHtml);
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
        return new WriteEmailResult.Ready(new PreparedEmail(row, participants, associations));
    }

    public static Task StoreAsync(DbTransaction transaction, PreparedEmail email, CancellationToken ct) =>
        EmailStore.CreateAsync(transaction, email.Row, email.Participants, email.Associations, ct);

    /// <summary>After a transaction that stored the email failed: the copy another mailbox logged at the same moment, if that was why.</summary>
    public async Task<WriteEmailResult.AlreadyLogged?> LoggedFirstAsync(PreparedEmail email, CancellationToken ct) =>
        await emails.GetIdByMessageIdAsync(email.Row.AccountId, email.Row.InternetMessageId, ct) is { } raced && raced != email.Id
            ? new WriteEmailResult.AlreadyLogged(raced)
            : null;

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
