namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>Where a recipient stands for this email.</summary>
public static class RecipientStatuses
{
    public const string Ok = "ok";
    public const string NeedsBasis = "needsBasis";
    public const string OptedOut = "optedOut";
    public const string Exempt = "exempt";
    public const string Internal = "internal";
    public const string NoRecord = "noRecord";
}

/// <summary>Why: the rule that decided.</summary>
public static class DecisionReasons
{
    public const string PrivacyOff = "privacyOff";
    public const string Subscription = "subscription";
    public const string OneTimeBasis = "oneTimeBasis";
    public const string TicketTransactional = "ticketTransactional";
    public const string InternalAddress = "internalAddress";
    public const string NoRecord = "noRecord";
    public const string NoLegalBasis = "noLegalBasis";
    public const string Unsubscribed = "unsubscribed";
    public const string GloballyOptedOut = "globallyOptedOut";
}

/// <summary>What the rep can do on the spot to make a blocked recipient sendable.</summary>
public static class Fixes
{
    public const string AddOneToOneSubscription = "addOneToOneSubscription";
    public const string OneTimeBasis = "oneTimeBasis";
    /// <summary>A one-time basis for transactional, non-commercial mail only, which the rep must confirm.</summary>
    public const string TransactionalOneTimeBasis = "transactionalOneTimeBasis";
    public const string CreateContact = "createContact";
}

/// <summary>Everything the rules need to know about one contact for one email.</summary>
public sealed record ContactFacts(Guid ContactId, bool GloballyOptedOut, ContactSubscription? OneToOne, OneTimeBasis? UsableBasis)
{
    /// <summary>
    /// A contact's facts for one email from its rows: the one-to-one subscription, and the one-time basis this email
    /// would use — one reserved for this very email before one given for "the next email", and for a contact who opted
    /// out of all email only a transactional one.
    /// </summary>
    public static ContactFacts Of(Guid contactId, bool optedOut, IEnumerable<ContactSubscription> subscriptions, IEnumerable<OneTimeBasis> openBases, string? trackingId) => new(
        contactId,
        optedOut,
        subscriptions.FirstOrDefault(subscription => subscription.SubscriptionType == SubscriptionTypes.OneToOne),
        openBases.Where(basis => basis.IsUsableFor(trackingId) && (!optedOut || basis.Transactional))
            .OrderByDescending(basis => basis.TrackingId is not null)
            .FirstOrDefault());
}

/// <summary>The rules' answer for one contact. <paramref name="UsesBasis"/> is the one-time basis the send consumes.</summary>
public sealed record ContactDecision(string Status, string Reason, IReadOnlyList<string> Fixes, OneTimeBasis? UsesBasis = null)
{
    public bool Allowed => Status is RecipientStatuses.Ok or RecipientStatuses.Exempt;
}

/// <summary>
/// The reference product's rules for one-to-one email, in order. Pure: the facts are gathered elsewhere, so every rule
/// is a plain test.
/// </summary>
public static class CommunicationRules
{
    /// <param name="contact"></param>

    /// <param name="privacyEnabled"></param>    /// <param name="contactOfTheEmailsTicket">The contact is associated with an open ticket the email was started from or
    /// is associated with (or a closed one the rep confirmed): only then is the email transactional for it.</param>
    public static ContactDecision Decide(ContactFacts contact, bool privacyEnabled, bool contactOfTheEmailsTicket)
    {
        // Mail about a contact's own ticket is transactional one-to-one service mail: no basis is needed, even for a
        // contact who opted out of all email (that opt-out is from commercial mail, as in the reference, where
        // transactional email overrides it; the exemption and its ticket are recorded with the send). Everyone else on
        // the same email still needs their basis.
        if (contactOfTheEmailsTicket)
        {
            return new(RecipientStatuses.Exempt, DecisionReasons.TicketTransactional, []);
        }
        // A global opt-out always needs a one-time basis, whatever the privacy setting, and only a transactional one.
        if (contact.GloballyOptedOut)
        {
            return contact.UsableBasis is { Transactional: true } basis
                ? new(RecipientStatuses.Ok, DecisionReasons.OneTimeBasis, [], basis)
                : new(RecipientStatuses.OptedOut, DecisionReasons.GloballyOptedOut, [Fixes.TransactionalOneTimeBasis]);
        }
        if (!privacyEnabled)
        {
            return new(RecipientStatuses.Ok, DecisionReasons.PrivacyOff, []);
        }
        if (contact.OneToOne is { IsLegalBasis: true })
        {
            return new(RecipientStatuses.Ok, DecisionReasons.Subscription, []);
        }
        if (contact.UsableBasis is { } oneTime)
        {
            return new(RecipientStatuses.Ok, DecisionReasons.OneTimeBasis, [], oneTime);
        }
        // A contact who unsubscribed from one-to-one mail is not re-subscribed by a rep: a one-time basis only.
        return contact.OneToOne is { Status: SubscriptionStatuses.Unsubscribed }
            ? new(RecipientStatuses.NeedsBasis, DecisionReasons.Unsubscribed, [Fixes.OneTimeBasis])
            : new(RecipientStatuses.NeedsBasis, DecisionReasons.NoLegalBasis, [Fixes.AddOneToOneSubscription, Fixes.OneTimeBasis]);
    }
}
