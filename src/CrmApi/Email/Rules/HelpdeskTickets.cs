using System.Text.RegularExpressions;
using OutlookCrm.CrmApi.Crm.Associations;
using OutlookCrm.CrmApi.Crm.Lookup;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.Threads;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>
/// The help-desk and team-mailbox rules of the reference product: a send from a help-desk address that is not on a
/// ticket creates one (named after the subject, the external recipients' contacts as requesters); a reply from a team
/// or help-desk address that is on a ticket brings every earlier email of its thread onto the ticket too.
/// </summary>
public sealed partial class HelpdeskTickets(
    RecordStore records, ObjectTypeStore types, LookupStore lookup, ThreadStore threads, InternalAddresses internalAddresses, AssociationStore associations, TimeProvider clock)
{
    public async Task<LoggingDecision> WithTicketAsync(ConnectedMailbox mailbox, bool outgoing, FetchedMessage message, LoggingDecision decision, CancellationToken ct)
    {
        if (!outgoing || mailbox.Kind != MailboxKinds.Helpdesk)
        {
            return decision;
        }
        var known = await records.GetManyByIdsAsync(mailbox.AccountId, decision.Records, ct);
        if (known.Any(record => record.TypeName == BuiltinTypes.Ticket) || await types.GetByNameAsync(mailbox.AccountId, BuiltinTypes.Ticket, ct) is not { } ticketType)
        {
            return decision;
        }
        var recipients = message.To.Concat(message.Cc).Select(recipient => EmailAddresses.Normalize(recipient.Address)).Distinct().ToList();
        var internalOnes = await internalAddresses.AmongAsync(mailbox.AccountId, recipients, ct);
        var external = recipients.Where(address => !internalOnes.Contains(address) && EmailAddresses.TryNormalize(address, out _)).ToList();
        var requesters = external.Count == 0 ? [] : (await lookup.FindContactsAsync(mailbox.AccountId, external, ct))
            .SelectMany(match => match.Contacts).Select(contact => contact.Id).Distinct().ToList();
        var now = clock.GetUtcNow();
        var ticket = new CrmRecord
        {
            Id = Guid.CreateVersion7(now),
            AccountId = mailbox.AccountId,
            ObjectTypeId = ticketType.Id,
            TypeName = BuiltinTypes.Ticket,
            Name = TicketName(message.Subject),
            Status = CoreFields.DefaultTicketStatus,
            Properties = PropertyBag.Empty,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await records.CreateAsync(ticket, [], ct);
        foreach (var requester in requesters)
        {
            await associations.CreateAsync(new AssociationRow
            {
                Id = Guid.CreateVersion7(now),
                AccountId = mailbox.AccountId,
                FromRecordId = ticket.Id,
                ToRecordId = requester,
                Label = "Requester",
                CreatedAt = now,
            }, ct);
        }
        return decision with
        {
            Records = [.. decision.Records.Union(requesters), ticket.Id],
            Because = $"{decision.Because}; help-desk send created ticket {ticket.Id}",
        };
    }

    public async Task AssociateThreadAsync(ConnectedMailbox mailbox, FetchedMessage message, LoggingDecision decision, Guid emailId, CancellationToken ct)
    {
        if (mailbox.Kind == MailboxKinds.Personal)
        {
            return;
        }
        var tickets = (await records.GetManyByIdsAsync(mailbox.AccountId, decision.Records, ct)).Where(record => record.TypeName == BuiltinTypes.Ticket).Select(record => record.Id).ToList();
        if (tickets.Count == 0)
        {
            return;
        }
        var thread = new HashSet<Guid>();
        if (message.ConversationId is { Length: > 0 } conversation)
        {
            thread.UnionWith(await threads.GetEmailsOfConversationAsync(mailbox.AccountId, conversation, ct));
        }
        var referenced = MessageIdPattern().Matches($"{message.InReplyTo} {message.References}").Select(match => match.Value).Distinct().ToList();
        thread.UnionWith((await threads.GetEmailsByMessageIdsAsync(mailbox.AccountId, referenced, ct)).Select(email => email.Id));
        thread.Remove(emailId);
        foreach (var earlier in thread)
        {
            await threads.AddAssociationsAsync(mailbox.AccountId, earlier, tickets, clock.GetUtcNow(), ct);
        }
    }

    private static string TicketName(string subject)
    {
        var name = SubjectPrefixes.Strip(subject);
        return name.Length == 0 ? "(no subject)" : name.Length <= RecordValidator.MaxNameLength ? name : name[..RecordValidator.MaxNameLength];
    }

    [GeneratedRegex("<[^<>\\s]+>")]
    private static partial Regex MessageIdPattern();
}
