using OutlookCrm.CrmApi.Crm.Associations;
using OutlookCrm.CrmApi.Crm.Lookup;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggingSettings;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>
/// The records an email goes to when a logging policy, not the rep, decides: the known contacts among its external
/// people (a sent email's recipients, a received email's sender); each one's primary company (the association labelled
/// "Primary", else the company of the address's domain, else the first); and, by the account's association rule, their
/// open deals and tickets — none, the most recently changed of each, or all. The same "open" as the pane's suggestions.
/// </summary>
public sealed class PolicyRecords(LookupStore lookup, AssociationStore associations, RecordStore records, InternalAddresses internalAddresses)
{
    /// <summary>As many contacts as an intent may name: a mass mailing is not a conversation.</summary>
    public const int MaxContacts = 50;

    /// <summary>The external addresses a policy looks at: a sent email's recipients (To, Cc, Bcc), a received one's sender.</summary>
    public async Task<IReadOnlyList<string>> ExternalAddressesAsync(ConnectedMailbox mailbox, bool outgoing, FetchedMessage message, CancellationToken ct)
    {
        var people = outgoing ? message.To.Concat(message.Cc).Concat(message.Bcc) : [message.From];
        var addresses = people.Select(person => person.Address).Where(address => EmailAddresses.TryNormalize(address, out _))
            .Select(EmailAddresses.Normalize).Distinct().ToList();
        var own = await internalAddresses.AmongAsync(mailbox.AccountId, addresses, ct);
        return addresses.Where(address => !own.Contains(address)).ToList();
    }

    /// <summary>The contacts of these addresses, with their primary company and, by the rule, their open deals and tickets.</summary>
    public async Task<IReadOnlyList<Guid>> RecordsAsync(Guid accountId, IReadOnlyList<string> addresses, string rule, CancellationToken ct)
    {
        var matches = await lookup.FindContactsAsync(accountId, addresses, ct);
        var result = new List<Guid>();
        foreach (var (address, contact) in matches.SelectMany(match => match.Contacts.Select(contact => (match.Email, contact))).DistinctBy(pair => pair.contact.Id).Take(MaxContacts))
        {
            result.Add(contact.Id);
            var linked = await associations.GetOfRecordAsync(accountId, contact.Id, ct);
            if (PrimaryCompany(address, contact, linked) is { } company)
            {
                result.Add(company);
            }
            if (rule == AssociationRules.None)
            {
                continue;
            }
            var open = (await records.GetManyByIdsAsync(accountId, linked.Select(link => link.RecordId).Distinct().ToList(), ct))
                .Where(record => record.TypeName switch
                {
                    BuiltinTypes.Deal => CoreFields.IsOpenDeal(record.Stage),
                    BuiltinTypes.Ticket => CoreFields.IsOpenTicket(record.Status),
                    _ => false,
                })
                .OrderByDescending(record => record.UpdatedAt).ThenBy(record => record.Id).ToList();
            result.AddRange(rule == AssociationRules.AllOpen
                ? open.Select(record => record.Id)
                : open.GroupBy(record => record.TypeName).Select(kind => kind.First().Id));
        }
        return result.Distinct().ToList();
    }

    private static Guid? PrimaryCompany(string address, MatchedContact contact, IReadOnlyList<AssociatedRecord> linked)
    {
        var companies = linked.Where(link => link.RecordType == BuiltinTypes.Company).ToList();
        var domain = EmailAddresses.DomainOf(address);
        return companies.FirstOrDefault(link => link.Label.Equals("Primary", StringComparison.OrdinalIgnoreCase))?.RecordId
            ?? contact.Companies.FirstOrDefault(company => string.Equals(company.Domain, domain, StringComparison.OrdinalIgnoreCase))?.Id
            ?? companies.FirstOrDefault()?.RecordId;
    }
}
