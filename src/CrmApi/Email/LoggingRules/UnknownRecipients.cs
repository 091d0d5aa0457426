using Dapper;
using OutlookCrm.CrmApi.Crm.Lookup;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Privacy.Erasure;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Email.LoggingRules;

public static class CreateContactsPolicies
{
    public const string Off = "off";
    public const string Sent = "sent";
    public const string SentAndReceived = "sentAndReceived";

    public static readonly IReadOnlyList<string> All = [Off, Sent, SentAndReceived];
}

/// <summary>
/// When the account says so (off by default), logging makes a contact of every external participant no contact has yet,
/// and logs the email to it too. Group and role addresses (noreply@, info@, support@ …), internal addresses and erased
/// addresses never become contacts.
/// </summary>
public sealed class UnknownRecipients(Db db, LookupStore lookup, LoggingStore logging, PrivacyStore privacy, RecordStore records, ObjectTypeStore types, TimeProvider clock)
{
    private static readonly HashSet<string> RoleLocalParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "noreply", "no-reply", "donotreply", "do-not-reply", "info", "support", "sales", "admin", "postmaster", "mailer-daemon",
        "notifications", "notification", "newsletter", "marketing", "billing", "hello", "contact", "team", "office", "help",
        "service", "webmaster", "abuse", "security", "accounts", "invoices", "jobs", "careers", "press", "privacy",
    };

    public static bool IsRoleAddress(string normalizedAddress) => RoleLocalParts.Contains(normalizedAddress[..normalizedAddress.IndexOf('@')]);

    public async Task<string> PolicyAsync(Guid accountId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            LoggingSql.GetCreateContacts, new { AccountId = accountId }, cancellationToken: ct)) ?? CreateContactsPolicies.Off;
    }

    public async Task SavePolicyAsync(Guid accountId, string policy, CancellationToken ct)
    {
        var parameters = new { AccountId = accountId, CreateContacts = policy, UpdatedAt = clock.GetUtcNow() };
        await using var connection = await db.OpenForWriteAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(LoggingSql.UpdateCreateContacts, parameters, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(LoggingSql.CreateCreateContacts, parameters, cancellationToken: ct));
        }
    }

    public async Task<LoggingDecision> WithNewContactsAsync(ConnectedMailbox mailbox, bool outgoing, FetchedMessage message, LoggingDecision decision, CancellationToken ct)
    {
        var policy = await PolicyAsync(mailbox.AccountId, ct);
        if (policy == CreateContactsPolicies.Off || (policy == CreateContactsPolicies.Sent && !outgoing))
        {
            return decision;
        }
        var people = new[] { message.From }.Concat(message.To).Concat(message.Cc)
            .Where(person => EmailAddresses.TryNormalize(person.Address, out _))
            .DistinctBy(person => EmailAddresses.Normalize(person.Address)).ToList();
        var addresses = people.Select(person => EmailAddresses.Normalize(person.Address)).ToList();
        var internalOnes = await logging.InternalAmongAsync(mailbox.AccountId, addresses, ct);
        var known = (await lookup.FindContactsAsync(mailbox.AccountId, addresses, ct)).Where(match => match.Contacts.Count > 0).Select(match => match.Email).ToHashSet();
        var erased = await privacy.GetErasedHashesAsync(mailbox.AccountId, addresses.Select(address => ErasedAddresses.Hash(mailbox.AccountId, address)).ToList(), ct);
        var contactType = await types.GetByNameAsync(mailbox.AccountId, BuiltinTypes.Contact, ct);
        var created = new List<Guid>();
        foreach (var person in people)
        {
            var address = EmailAddresses.Normalize(person.Address);
            if (contactType is null || internalOnes.Contains(address) || known.Contains(address) || IsRoleAddress(address)
                || erased.Contains(ErasedAddresses.Hash(mailbox.AccountId, address)))
            {
                continue;
            }
            var now = clock.GetUtcNow();
            var contact = new CrmRecord
            {
                Id = Guid.CreateVersion7(now),
                AccountId = mailbox.AccountId,
                ObjectTypeId = contactType.Id,
                TypeName = BuiltinTypes.Contact,
                Name = string.IsNullOrWhiteSpace(person.Name) || person.Name == person.Address ? person.Address.Trim() : person.Name.Trim(),
                Properties = """{"source":"created by email logging"}""",
                CreatedAt = now,
                UpdatedAt = now,
            };
            var email = new ContactEmail
            {
                Id = Guid.CreateVersion7(now),
                AccountId = mailbox.AccountId,
                RecordId = contact.Id,
                Address = person.Address.Trim(),
                AddressNormalized = address,
                IsPrimary = true,
            };
            await records.CreateAsync(contact, [email], ct);
            created.Add(contact.Id);
        }
        return created.Count == 0 ? decision : decision with { Records = [.. decision.Records, .. created], Because = $"{decision.Because}; created {created.Count} contact(s)" };
    }
}
