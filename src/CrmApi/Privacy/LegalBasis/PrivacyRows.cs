namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

public sealed record PrivacySettings
{
    public required Guid AccountId { get; init; }
    public required bool PrivacyEnabled { get; init; }
    public required string UnknownRecipients { get; init; }
    /// <summary>How many days bodies of logged emails are kept; null keeps them.</summary>
    public int? BodyRetentionDays { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public Guid? UpdatedByUserId { get; init; }

    /// <summary>An account that never changed its settings: privacy off, unknown recipients only warned about.</summary>
    public static PrivacySettings Default(Guid accountId) => new()
    {
        AccountId = accountId,
        PrivacyEnabled = false,
        UnknownRecipients = UnknownRecipientPolicies.Warn,
        UpdatedAt = DateTimeOffset.MinValue,
    };
}

public sealed record SubscriptionTypeRow
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required string Name { get; init; }
    public required string Label { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

public sealed record ContactSubscription
{
    public required Guid AccountId { get; init; }
    public required Guid ContactId { get; init; }
    public required string SubscriptionType { get; init; }
    public required string Status { get; init; }
    public string? LegalBasis { get; init; }
    public string? Explanation { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public Guid? UpdatedByUserId { get; init; }

    /// <summary>A subscription counts as a legal basis only while subscribed with a basis recorded.</summary>
    public bool IsLegalBasis => Status == SubscriptionStatuses.Subscribed && LegalBasis is not null;
}

public sealed record ContactOptOut
{
    public required Guid AccountId { get; init; }
    public required Guid ContactId { get; init; }
    public required DateTimeOffset OptedOutAt { get; init; }
    public Guid? ByUserId { get; init; }
}

public sealed record OneTimeBasis
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required Guid ContactId { get; init; }
    public required string LegalBasis { get; init; }
    public required string Explanation { get; init; }
    public required bool Transactional { get; init; }
    /// <summary>The email (log intent) it was given for, when the pane knew it; null means "the next email".</summary>
    public string? TrackingId { get; init; }
    public Guid? GrantedByUserId { get; init; }
    public required DateTimeOffset GrantedAt { get; init; }
    public DateTimeOffset? ConsumedAt { get; init; }
    public string? ConsumedByTrackingId { get; init; }

    /// <summary>Usable for this send: not used by another email, and not reserved for another one.</summary>
    public bool IsUsableFor(string? trackingId) =>
        (ConsumedByTrackingId is null || ConsumedByTrackingId == trackingId)
        && (TrackingId is null || TrackingId == trackingId);
}

/// <summary>One line of a contact's communication audit trail. Never updated, never deleted.</summary>
public sealed record AuditEntry
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required Guid ContactId { get; init; }
    /// <summary>One of <see cref="AuditEvents"/>.</summary>
    public required string Event { get; init; }
    public string? SubscriptionType { get; init; }
    public string? LegalBasis { get; init; }
    public string? Explanation { get; init; }
    public string? Reason { get; init; }
    public string? TrackingId { get; init; }
    public Guid? ActorUserId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public static class AuditEvents
{
    public const string SubscriptionChanged = "subscriptionChanged";
    public const string BasisGranted = "basisGranted";
    public const string BasisUsed = "basisUsed";
    public const string BasisWithdrawn = "basisWithdrawn";
    public const string OptedOut = "optedOut";
    public const string OptOutCleared = "optOutCleared";
    public const string Exempted = "exempted";
    public const string SendAllowed = "sendAllowed";
    public const string SendBlocked = "sendBlocked";
    public const string Erased = "erased";
    /// <summary>Found in a connected mailbox's Sent Items: sent to the contact, who needed a basis, without the send check.</summary>
    public const string SentWithoutCheck = "sentWithoutCheck";

    /// <summary>What the send check writes for every contact it decides on: the trace that an email was checked.</summary>
    public static readonly IReadOnlyList<string> OfTheSendCheck = [BasisUsed, Exempted, SendAllowed, SendBlocked];

    public static readonly IReadOnlyList<string> All =
        [SubscriptionChanged, BasisGranted, BasisUsed, BasisWithdrawn, OptedOut, OptOutCleared, Exempted, SendAllowed, SendBlocked, Erased, SentWithoutCheck];
}
