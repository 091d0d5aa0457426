using System.Data.Common;
using OutlookCrm.CrmApi.Crm.Associations;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;

namespace OutlookCrm.CrmApi.Compose.Recipients;

/// <summary>A closed ticket among the email's records, and whether the rep said the email concerns it.</summary>
public sealed record ClosedTicket(Guid Id, string Name, bool Confirmed);

/// <summary>Why one contact needs no basis: the ticket of the email it belongs to, and whether that ticket is closed.</summary>
public sealed record TicketExemption(Guid TicketId, bool Closed)
{
    /// <summary>What the audit says about it: the ticket's id only (its name may be personal, the trail outlives erasure).</summary>
    public string Explanation => Closed ? $"closed ticket {TicketId}, confirmed by the rep" : $"ticket {TicketId}";
}

/// <summary>
/// The reference product's ticket rule: an email started from or associated with a ticket is transactional for the
/// contacts associated with that ticket, and for no one else on it. Only open tickets count, unless the rep confirmed
/// that the email concerns a closed one (a closed ticket is no reason to write to anyone, and ticking an old ticket
/// must not turn a marketing email into a transactional one).
/// </summary>
public sealed record TicketExemptions(IReadOnlyDictionary<Guid, TicketExemption> ByContact, IReadOnlyList<ClosedTicket> ClosedTickets, bool AnyTicketCounts)
{
    public static async Task<TicketExemptions> LoadAsync(
        DbConnection connection, Guid accountId, IReadOnlyList<CrmRecord> records, IReadOnlyCollection<Guid> confirmedClosed, CancellationToken ct)
    {
        var tickets = records.Where(record => record.TypeName == BuiltinTypes.Ticket).ToList();
        var closed = tickets.Where(ticket => !CoreFields.IsOpenTicket(ticket.Status))
            .Select(ticket => new ClosedTicket(ticket.Id, ticket.Name, confirmedClosed.Contains(ticket.Id))).ToList();
        var counting = tickets.Where(ticket => CoreFields.IsOpenTicket(ticket.Status) || confirmedClosed.Contains(ticket.Id)).ToDictionary(ticket => ticket.Id);
        var contacts = await AssociationStore.GetContactsOfRecordsAsync(connection, accountId, counting.Keys.ToList(), ct);
        // A contact of several of the email's tickets is recorded with an open one before a closed one.
        var byContact = contacts
            .Select(link => new { link.ContactId, Exemption = new TicketExemption(link.RecordId, !CoreFields.IsOpenTicket(counting[link.RecordId].Status)) })
            .GroupBy(link => link.ContactId)
            .ToDictionary(group => group.Key, group => group.Select(link => link.Exemption).OrderBy(exemption => exemption.Closed).ThenBy(exemption => exemption.TicketId).First());
        return new TicketExemptions(byContact, closed, counting.Count > 0);
    }
}
