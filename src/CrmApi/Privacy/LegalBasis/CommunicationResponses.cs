namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

public sealed record CommunicationResponse(
    Guid ContactId,
    bool PrivacyEnabled,
    bool GloballyOptedOut,
    IReadOnlyList<SubscriptionResponse> Subscriptions,
    IReadOnlyList<OneTimeBasisResponse> OneTimeBases,
    string Status,
    string Reason,
    IReadOnlyList<string> Fixes);

public sealed record SubscriptionResponse(string Type, string Label, string Status, string? LegalBasis, string? Explanation, DateTimeOffset? UpdatedAt);

public sealed record OneTimeBasisResponse(Guid Id, string LegalBasis, string Explanation, bool Transactional, string? TrackingId, DateTimeOffset GrantedAt)
{
    public static OneTimeBasisResponse From(OneTimeBasis basis) =>
        new(basis.Id, basis.LegalBasis, basis.Explanation, basis.Transactional, basis.TrackingId, basis.GrantedAt);
}

public sealed record AuditEntryResponse(
    Guid Id, string Event, string? SubscriptionType, string? LegalBasis, string? Explanation, string? Reason, string? TrackingId, Guid? ActorUserId, DateTimeOffset OccurredAt)
{
    public static AuditEntryResponse From(AuditEntry entry) =>
        new(entry.Id, entry.Event, entry.SubscriptionType, entry.LegalBasis, entry.Explanation, entry.Reason, entry.TrackingId, entry.ActorUserId, entry.OccurredAt);
}

public sealed record AuditTrail(Guid ContactId, IReadOnlyList<AuditEntryResponse> Items);

public sealed record SubscriptionRequest(string? Type, string? Status, string? LegalBasis, string? Explanation);

public sealed record OneTimeBasisRequest(string? LegalBasis, string? Explanation, bool? Transactional, string? TrackingId);

public sealed record GlobalOptOutRequest(bool? OptedOut);
