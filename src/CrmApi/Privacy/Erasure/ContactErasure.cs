using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Privacy.Erasure;

public sealed record ErasureResponse(Guid ContactId, int AddressesErased, int EmailsDeleted, int EmailsRedacted);

/// <summary>
/// GDPR art. 17 erasure of a contact, in one transaction: emails that concerned the contact alone are deleted; in emails
/// that concerned others too its addresses are redacted (participants, sender, subject, body, preview); the contact,
/// its addresses, associations and legal-basis rows are deleted; each address goes on the suppression list as a hash;
/// the audit trail gains an "erased" entry with no personal data. The trail keeps what it held (the legal bases and
/// explanations given) as the proof of lawful processing that art. 17(3)(e) and art. 5(2) allow to be kept.
/// </summary>
public sealed class ContactErasure(Db db, RecordReader records, TimeProvider clock)
{
    public async Task<Outcome<ErasureResponse>> EraseAsync(CurrentUser user, Guid contactId, CancellationToken ct)
    {
        var found = await records.FindAsync(user.AccountId, BuiltinTypes.Contact, contactId, ct);
        if (found.Value is not { } contact)
        {
            return found.Failed<ErasureResponse>();
        }
        var now = clock.GetUtcNow();
        var account = user.AccountId;
        await using var connection = await db.OpenForWriteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var addresses = (await connection.QueryAsync<ContactEmail>(new CommandDefinition(
            RecordSql.GetEmails, new { AccountId = account, RecordIds = new[] { contactId } }, transaction, cancellationToken: ct)))
            .Select(email => email.AddressNormalized).ToList();
        var (alone, shared) = await ClassifyEmailsAsync(transaction, account, contactId, addresses, ct);
        if (alone.Count > 0)
        {
            await EmailStore.DeleteManyAsync(transaction, account, alone, ct);
        }
        if (shared.Count > 0)
        {
            await RedactAsync(transaction, account, shared, addresses, ct);
        }
        await RecordStore.DeleteAsync(transaction, account, contactId, ct);
        foreach (var address in addresses)
        {
            await connection.ExecuteAsync(new CommandDefinition(PrivacySql.CreateErasedAddress,
                new { AccountId = account, AddressHash = ErasedAddresses.Hash(account, address), ErasedAt = now }, transaction, cancellationToken: ct));
        }
        var audit = new AuditEntry
        {
            Id = clock.NewId(),
            AccountId = account,
            ContactId = contactId,
            Event = AuditEvents.Erased,
            Reason = $"{addresses.Count} address(es), {alone.Count} email(s) deleted, {shared.Count} redacted",
            ActorUserId = user.UserId,
            OccurredAt = now,
        };
        await connection.ExecuteAsync(new CommandDefinition(PrivacySql.AppendAudit, audit, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return Outcome<ErasureResponse>.Done(new ErasureResponse(contactId, addresses.Count, alone.Count, shared.Count));
    }

    /// <summary>
    /// An email concerned the contact alone when no other contact is associated with it and every other participant
    /// is internal (a user or an internal domain of the account).
    /// </summary>
    private static async Task<(List<Guid> Alone, List<Guid> Shared)> ClassifyEmailsAsync(
        DbTransaction transaction, Guid account, Guid contactId, List<string> addresses, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        var touching = (await connection.QueryAsync<Guid>(new CommandDefinition(
            ErasureSql.GetEmailsTouching, new { AccountId = account, ContactId = contactId, Addresses = addresses }, transaction, cancellationToken: ct))).Distinct().ToList();
        if (touching.Count == 0)
        {
            return ([], []);
        }
        var byEmail = new { AccountId = account, ContactId = contactId, EmailIds = touching };
        var withOtherContacts = (await connection.QueryAsync<Guid>(new CommandDefinition(ErasureSql.GetEmailsWithOtherContacts, byEmail, transaction, cancellationToken: ct))).ToHashSet();
        var participants = (await connection.QueryAsync<ParticipantAddress>(new CommandDefinition(
            ErasureSql.GetParticipantAddresses, byEmail, transaction, cancellationToken: ct))).AsList();
        var others = participants.Select(p => p.AddressNormalized).Where(address => !addresses.Contains(address)).Distinct().ToList();
        var users = others.Count == 0 ? [] : (await connection.QueryAsync<string>(new CommandDefinition(
            PrivacySql.GetUserAddresses, new { AccountId = account, Addresses = others }, transaction, cancellationToken: ct))).ToHashSet();
        var domains = (await connection.QueryAsync<string>(new CommandDefinition(PrivacySql.GetInternalDomains, new { AccountId = account }, transaction, cancellationToken: ct))).AsList();
        bool IsOtherPerson(string address) => !addresses.Contains(address) && !users.Contains(address) && !InternalDomains.Contains(domains, address);
        var shared = touching.Where(email => withOtherContacts.Contains(email)
            || participants.Any(p => p.EmailId == email && IsOtherPerson(p.AddressNormalized))).ToList();
        return (touching.Except(shared).ToList(), shared);
    }

    private static async Task RedactAsync(DbTransaction transaction, Guid account, List<Guid> emailIds, List<string> addresses, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        foreach (var address in addresses)
        {
            await connection.ExecuteAsync(new CommandDefinition(ErasureSql.RedactParticipant, new
            {
                AccountId = account,
                EmailIds = emailIds,
                Address = address,
                ErasedAddresses.RedactedAddress,
                RedactedNormalized = ErasedAddresses.RedactedNormalized(ErasedAddresses.Hash(account, address)),
            }, transaction, cancellationToken: ct));
        }
        var texts = await connection.QueryAsync<EmailTexts>(
            new CommandDefinition(ErasureSql.GetEmailTexts, new { AccountId = account, EmailIds = emailIds }, transaction, cancellationToken: ct));
        foreach (var email in texts)
        {
            var fromErased = addresses.Contains(EmailAddresses.Normalize(email.FromAddress));
            await connection.ExecuteAsync(new CommandDefinition(ErasureSql.RedactEmailTexts, new
            {
                AccountId = account,
                email.Id,
                Subject = Scrub(email.Subject, addresses),
                FromAddress = fromErased ? ErasedAddresses.RedactedAddress : email.FromAddress,
                FromName = fromErased ? null : email.FromName,
                BodyHtml = Scrub(email.BodyHtml, addresses),
                Preview = Scrub(email.Preview, addresses),
            }, transaction, cancellationToken: ct));
        }
    }

    private sealed record ParticipantAddress
    {
        public required Guid EmailId { get; init; }
        public required string AddressNormalized { get; init; }
    }

    private sealed record EmailTexts
    {
        public required Guid Id { get; init; }
        public required string Subject { get; init; }
        public required string FromAddress { get; init; }
        public string? FromName { get; init; }
        public required string BodyHtml { get; init; }
        public required string Preview { get; init; }
    }

    private static string Scrub(string text, List<string> addresses) =>
        addresses.Aggregate(text, (scrubbed, address) => scrubbed.Replace(address, ErasedAddresses.RedactedText, StringComparison.OrdinalIgnoreCase));
}
