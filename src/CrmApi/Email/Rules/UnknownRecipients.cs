using OutlookCrm.CrmApi.Crm.ContactsFromAddresses;
using OutlookCrm.CrmApi.Crm.Lookup;
using OutlookCrm.CrmApi.Email.LoggingSettings;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>
/// When the account says so (off by default), logging makes a contact of every external participant no contact has yet,
/// and logs the email to it too. Group and role addresses (noreply@, info@, support@ …) and internal addresses never
/// become contacts; the contact is made the one way the pane makes it (<see cref="ContactFromAddress"/>: validated, an
/// erased address refused, its company found or created and associated).
/// </summary>
public sealed class UnknownRecipients(LookupStore lookup, InternalAddresses internalAddresses, LoggingSettingsStore settings, ContactFromAddress contacts)
{
    public const string Source = "created by email logging";

    private static readonly HashSet<string> RoleLocalParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "noreply", "no-reply", "donotreply", "do-not-reply", "info", "support", "sales", "admin", "postmaster", "mailer-daemon",
        "notifications", "notification", "newsletter", "marketing", "billing", "hello", "contact", "team", "office", "help",
        "service", "webmaster", "abuse", "security", "accounts", "invoices", "jobs", "careers", "press", "privacy",
    };

    public static bool IsRoleAddress(string normalizedAddress) => RoleLocalParts.Contains(normalizedAddress[..normalizedAddress.IndexOf('@')]);

    public async Task<LoggingDecision> WithNewContactsAsync(ConnectedMailbox mailbox, bool outgoing, FetchedMessage message, LoggingDecision decision, CancellationToken ct)
    {
        var policy = await settings.GetCreateContactsAsync(mailbox.AccountId, ct);
        if (policy == CreateContactsPolicies.Off || (policy == CreateContactsPolicies.Sent && !outgoing))
        {
            return decision;
        }
        var people = new[] { message.From }.Concat(message.To).Concat(message.Cc)
            .Where(person => EmailAddresses.TryNormalize(person.Address, out _))
            .DistinctBy(person => EmailAddresses.Normalize(person.Address)).ToList();
        var addresses = people.Select(person => EmailAddresses.Normalize(person.Address)).ToList();
        var internalOnes = await internalAddresses.AmongAsync(mailbox.AccountId, addresses, ct);
        var known = (await lookup.FindContactsAsync(mailbox.AccountId, addresses, ct)).Where(match => match.Contacts.Count > 0).Select(match => match.Email).ToHashSet();
        var created = new List<Guid>();
        foreach (var person in people)
        {
            var address = EmailAddresses.Normalize(person.Address);
            if (internalOnes.Contains(address) || known.Contains(address) || IsRoleAddress(address))
            {
                continue;
            }
            // A header's display name when it has one; otherwise the contact is named from the address ("Ada Lovelace").
            var name = string.IsNullOrWhiteSpace(person.Name) || person.Name.Trim() == person.Address.Trim() ? null : person.Name;
            var outcome = await contacts.CreateAsync(mailbox.AccountId, ownerByDefault: null, new NewContactRequest(person.Address, name, null), Source, ct);
            // Refused (an address erased at the person's request, or one the CRM cannot store): no contact, logged as before.
            if (outcome.Value is { } contact)
            {
                created.Add(contact.Contact.Id);
            }
        }
        return created.Count == 0 ? decision : decision with { Records = [.. decision.Records, .. created], Because = $"{decision.Because}; created {created.Count} contact(s)" };
    }
}
