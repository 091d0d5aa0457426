using OutlookCrm.CrmApi.Compose.Recipients;
using OutlookCrm.CrmApi.Crm.AddressChoices;
using OutlookCrm.CrmApi.Crm.Associations;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Compose.Context;

/// <summary>The mailbox an email is sent from, as the pane shows it.</summary>
public sealed record FromMailbox(string? Address, string Kind);

/// <summary>A record the email could be logged to, and why it is suggested.</summary>
public sealed record SuggestedAssociation(Guid Id, string Type, string Name, string Reason);

/// <summary>
/// Everything the compose pane shows for a recipient set (DESIGN.md §4): each recipient's matches — all of them when
/// ambiguous, with the rep's remembered pick — legal-basis status and fixes, suggested associations (the record it was
/// started from, the matched contacts, their companies, open deals and open tickets), the From mailbox's kind, and the
/// closed tickets among the email's records (which exempt no one until the rep confirms the email concerns them).
/// </summary>
public sealed record ComposeContextResponse(
    bool Allowed, bool PrivacyEnabled, bool Transactional, string UnknownRecipients,
    IReadOnlyList<RecipientResult> Recipients, FromMailbox From, IReadOnlyList<SuggestedAssociation> SuggestedAssociations,
    IReadOnlyList<ClosedTicket> ClosedTickets);

public sealed class ComposeContext(RecipientCheck check, AddressChoiceStore choices, AssociationStore associations, RecordStore records, MailboxStore mailboxes)
{
    private const int MaxSuggestions = 30;

    public async Task<ComposeContextResponse> BuildAsync(OutgoingEmail email, string? from, CurrentUser user, CancellationToken ct)
    {
        var result = await check.EvaluateAsync(email, ct);
        var chosen = await choices.GetManyAsync(user.AccountId, user.UserId, email.Recipients.Select(recipient => recipient.Normalized).Distinct().ToList(), ct);
        var recipients = result.Recipients.Select(recipient =>
            chosen.TryGetValue(EmailAddresses.Normalize(recipient.Address), out var id) && recipient.Contacts.Any(contact => contact.Id == id)
                ? recipient with { ChosenContactId = id }
                : recipient).ToList();
        var fromMailbox = from is not null && EmailAddresses.TryNormalize(from, out var fromAddress)
            ? new FromMailbox(from, (await mailboxes.GetByAddressAsync(user.AccountId, fromAddress, ct))?.Kind ?? "notConnected")
            : new FromMailbox(from, "notConnected");
        return new ComposeContextResponse(result.Allowed, result.PrivacyEnabled, result.Transactional, result.UnknownRecipients,
            recipients, fromMailbox, await SuggestAsync(email, recipients, user, ct), result.ClosedTickets);
    }

    private async Task<List<SuggestedAssociation>> SuggestAsync(OutgoingEmail email, List<RecipientResult> recipients, CurrentUser user, CancellationToken ct)
    {
        var suggestions = new List<SuggestedAssociation>();
        if (email.StartedFromId is { } startedFrom && (await records.GetByIdAsync(user.AccountId, startedFrom, ct)) is { } origin)
        {
            suggestions.Add(new SuggestedAssociation(origin.Id, origin.TypeName, origin.Name, "started from this record"));
        }
        // An ambiguous address suggests only the contact the rep picked for it.
        var contacts = recipients.SelectMany(recipient => recipient.Contacts.Count == 1 ? recipient.Contacts
            : recipient.Contacts.Where(contact => contact.Id == recipient.ChosenContactId)).DistinctBy(contact => contact.Id).ToList();
        foreach (var contact in contacts)
        {
            suggestions.Add(new SuggestedAssociation(contact.Id, BuiltinTypes.Contact, contact.Name, "recipient"));
            var linked = await associations.GetOfRecordAsync(user.AccountId, contact.Id, ct);
            var rows = (await records.GetManyByIdsAsync(user.AccountId, linked.Select(link => link.RecordId).Distinct().ToList(), ct)).ToDictionary(record => record.Id);
            foreach (var link in linked)
            {
                if (!rows.TryGetValue(link.RecordId, out var record))
                {
                    continue;
                }
                var reason = record.TypeName switch
                {
                    BuiltinTypes.Company => $"company of {contact.Name}",
                    BuiltinTypes.Deal when CoreFields.IsOpenDeal(record.Stage) => $"open deal of {contact.Name}",
                    BuiltinTypes.Ticket when CoreFields.IsOpenTicket(record.Status) => $"open ticket of {contact.Name}",
                    _ => null,
                };
                if (reason is not null)
                {
                    suggestions.Add(new SuggestedAssociation(record.Id, record.TypeName, record.Name, reason));
                }
            }
        }
        return suggestions.DistinctBy(suggestion => suggestion.Id).Take(MaxSuggestions).ToList();
    }
}
