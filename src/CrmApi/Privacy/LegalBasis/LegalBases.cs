namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>The lawful bases of GDPR art. 6 a rep can record, as the reference product names them.</summary>
public static class LegalBases
{
    public const string LegitimateInterestProspect = "legitimateInterestProspect";
    public const string LegitimateInterestCustomer = "legitimateInterestCustomer";
    public const string Contract = "contract";
    public const string Consent = "consent";
    public const string ConsentWithNotice = "consentWithNotice";
    public const string NotApplicable = "notApplicable";

    public static readonly IReadOnlyList<string> All =
        [LegitimateInterestProspect, LegitimateInterestCustomer, Contract, Consent, ConsentWithNotice, NotApplicable];

    public static bool IsKnown(string? basis) => basis is not null && All.Contains(basis);
}

public static class SubscriptionStatuses
{
    public const string Subscribed = "subscribed";
    public const string NotSubscribed = "notSubscribed";
    public const string Unsubscribed = "unsubscribed";

    public static readonly IReadOnlyList<string> All = [Subscribed, NotSubscribed, Unsubscribed];
}

public static class SubscriptionTypes
{
    /// <summary>The built-in type whose legal basis covers one-to-one sales email.</summary>
    public const string OneToOne = "one-to-one";
    public const string OneToOneLabel = "One to One";
}

/// <summary>What an account does with a recipient who is no contact at all.</summary>
public static class UnknownRecipientPolicies
{
    public const string Warn = "warn";
    public const string Block = "block";

    public static readonly IReadOnlyList<string> All = [Warn, Block];
}
