using System.Text.Json.Serialization;
using OutlookCrm.CrmApi.Crm.Lookup;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Compose.Recipients;

/// <summary>A recipient as the pane lists it: the field it is in and the address as typed.</summary>
public sealed record Recipient(string Field, string Address, string Normalized);

/// <summary>
/// An email about to be sent: who to, what it is associated with, where it was started from, and which of its closed
/// tickets the rep said it concerns (<see cref="TicketExemptions"/>).
/// </summary>
public sealed record OutgoingEmail(
    Guid AccountId, Guid UserId, IReadOnlyList<Recipient> Recipients, IReadOnlyList<Guid> AssociationIds, Guid? StartedFromId, string? TrackingId,
    IReadOnlyList<Guid> ConfirmedClosedTickets);

public sealed record ContactResult(Guid Id, string Name, string Status, string Reason, IReadOnlyList<string> Fixes, Guid? OneTimeBasisId)
{
    /// <summary>The one-time basis the send would use, for the audit; not part of the answer.</summary>
    [JsonIgnore]
    public OneTimeBasis? UsedBasis { get; init; }

    /// <summary>The ticket that exempts this contact, for the audit; not part of the answer.</summary>
    [JsonIgnore]
    public TicketExemption? Ticket { get; init; }
}

public sealed record RecipientResult(string Field, string Address, string Status, string Reason, IReadOnlyList<string> Fixes, IReadOnlyList<ContactResult> Contacts)
{
    /// <summary>The contact the rep picked for this address, when several share it (compose context only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? ChosenContactId { get; init; }

    public bool Allowed(string unknownRecipients) => Status switch
    {
        RecipientStatuses.Ok or RecipientStatuses.Exempt or RecipientStatuses.Internal => true,
        RecipientStatuses.NoRecord => unknownRecipients == UnknownRecipientPolicies.Warn,
        _ => false,
    };
}

/// <summary><paramref name="Transactional"/>: an open (or confirmed closed) ticket is among the email's records, so its contacts are exempt.</summary>
public sealed record CheckResult(
    bool Allowed, bool PrivacyEnabled, bool Transactional, string UnknownRecipients, IReadOnlyList<RecipientResult> Recipients, IReadOnlyList<ClosedTicket> ClosedTickets);

/// <summary>
/// Gathers, on one connection, what the rules need for a whole recipient set (settings, internal addresses, matching
/// contacts, their legal-basis facts, and which of them a ticket of the email exempts), each read by the store that
/// owns it, then applies <see cref="CommunicationRules"/> to every contact of every recipient.
/// </summary>
public sealed class RecipientCheck(Db db)
{
    public async Task<CheckResult> EvaluateAsync(OutgoingEmail email, CancellationToken ct)
    {
        var addresses = email.Recipients.Select(recipient => recipient.Normalized).Distinct().ToList();
        var recordIds = email.AssociationIds.Concat(email.StartedFromId is { } started ? [started] : []).Distinct().ToList();
        await using var connection = await db.OpenAsync(ct);
        var settings = await PrivacyStore.GetSettingsAsync(connection, email.AccountId, ct);
        var (internalDomains, users) = await PrivacyStore.GetInternalAsync(connection, null, email.AccountId, addresses, ct);
        var records = await RecordStore.GetManyByIdsAsync(connection, email.AccountId, recordIds, ct);
        var tickets = await TicketExemptions.LoadAsync(connection, email.AccountId, records, email.ConfirmedClosedTickets, ct);
        var matches = await LookupStore.FindMatchesAsync(connection, email.AccountId, addresses, ct);
        var contactIds = matches.Select(match => match.ContactId).Distinct().ToList();
        var facts = (await ContactFactsStore.LoadAsync(connection, email.AccountId, contactIds, email.TrackingId, ct)).FactsFor(contactIds, email.TrackingId);

        var byAddress = matches.ToLookup(match => match.AddressNormalized);
        var results = email.Recipients.DistinctBy(recipient => recipient.Normalized).Select(recipient =>
        {
            if (users.Contains(recipient.Normalized) || InternalDomains.Contains(internalDomains, recipient.Normalized))
            {
                return new RecipientResult(recipient.Field, recipient.Address, RecipientStatuses.Internal, DecisionReasons.InternalAddress, [], []);
            }
            var contacts = byAddress[recipient.Normalized].Select(match =>
            {
                var ticket = tickets.ByContact.GetValueOrDefault(match.ContactId);
                var decision = CommunicationRules.Decide(facts[match.ContactId], settings.PrivacyEnabled, contactOfTheEmailsTicket: ticket is not null);
                return new ContactResult(match.ContactId, match.Name, decision.Status, decision.Reason, decision.Fixes, decision.UsesBasis?.Id)
                {
                    UsedBasis = decision.UsesBasis,
                    Ticket = decision.Status == RecipientStatuses.Exempt ? ticket : null,
                };
            }).ToList();
            return contacts.Count == 0
                ? new RecipientResult(recipient.Field, recipient.Address, RecipientStatuses.NoRecord, DecisionReasons.NoRecord, [Fixes.CreateContact], [])
                : Summarise(recipient, contacts);
        }).ToList();
        return new CheckResult(results.All(result => result.Allowed(settings.UnknownRecipients)), settings.PrivacyEnabled, tickets.AnyTicketCounts, settings.UnknownRecipients, results, tickets.ClosedTickets);
    }

    /// <summary>One address shared by several contacts is only as sendable as the least sendable of them.</summary>
    private static RecipientResult Summarise(Recipient recipient, List<ContactResult> contacts)
    {
        var worst = contacts.MaxBy(contact => Severity(contact.Status))!;
        var fixes = contacts.SelectMany(contact => contact.Fixes).Distinct().ToList();
        return new RecipientResult(recipient.Field, recipient.Address, worst.Status, worst.Reason, fixes, contacts);
    }

    private static int Severity(string status) => status switch
    {
        RecipientStatuses.OptedOut => 3,
        RecipientStatuses.NeedsBasis => 2,
        RecipientStatuses.Ok => 1,
        _ => 0,
    };
}
