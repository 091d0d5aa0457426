using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>
/// A contact's legal basis to be emailed: read it, add or withdraw a subscription, give a one-time basis, set or clear
/// the global opt-out. Every change is appended to the contact's audit trail in the same transaction.
/// </summary>
public sealed class ContactCommunication(RecordReader records, PrivacyStore store, ContactFactsStore facts, TimeProvider clock)
{
    public const int MaxExplanationLength = 2000;
    public const int MaxTrackingIdLength = 128;

    public async Task<Outcome<CommunicationResponse>> GetAsync(CurrentUser user, Guid contactId, CancellationToken ct)
    {
        var found = await records.FindAsync(user.AccountId, BuiltinTypes.Contact, contactId, ct);
        if (found.Value is not { } contact)
        {
            return found.Failed<CommunicationResponse>();
        }
        var settings = await store.GetSettingsAsync(user.AccountId, ct);
        var types = await store.GetSubscriptionTypesAsync(user.AccountId, ct);
        var rows = await facts.LoadAsync(user.AccountId, [contactId], trackingId: null, ct);
        var (subscriptions, bases, optedOut) = (rows.Subscriptions, rows.OpenBases, rows.OptedOut.Contains(contactId));
        // The status of "the next email" from the contact's record: no ticket, no reserved basis.
        var decision = CommunicationRules.Decide(rows.FactsFor([contactId], trackingId: null)[contactId], settings.PrivacyEnabled, false);
        IEnumerable<(string Name, string Label)> allTypes = [(SubscriptionTypes.OneToOne, SubscriptionTypes.OneToOneLabel), .. types.Select(type => (type.Name, type.Label))];
        var subscriptionViews = allTypes.Select(type =>
        {
            var subscription = subscriptions.FirstOrDefault(s => s.SubscriptionType == type.Name);
            return new SubscriptionResponse(type.Name, type.Label, subscription?.Status ?? SubscriptionStatuses.NotSubscribed,
                subscription?.LegalBasis, subscription?.Explanation, subscription?.UpdatedAt);
        }).ToList();
        return Outcome<CommunicationResponse>.Done(new CommunicationResponse(
            contactId, settings.PrivacyEnabled, optedOut, subscriptionViews, bases.Select(OneTimeBasisResponse.From).ToList(),
            decision.Status, decision.Reason, decision.Fixes));
    }

    public async Task<Outcome<CommunicationResponse>> SaveSubscriptionAsync(CurrentUser user, Guid contactId, SubscriptionRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var status = request.Status ?? SubscriptionStatuses.Subscribed;
        if (!SubscriptionStatuses.All.Contains(status))
        {
            errors.Add("status", $"One of {string.Join(", ", SubscriptionStatuses.All)}.");
        }
        if (request.LegalBasis is not null && !LegalBases.IsKnown(request.LegalBasis))
        {
            errors.Add("legalBasis", $"One of {string.Join(", ", LegalBases.All)}.");
        }
        else if (status == SubscriptionStatuses.Subscribed && request.LegalBasis is null)
        {
            errors.Add("legalBasis", "A subscription is a legal basis only with the basis it rests on.");
        }
        ValidateExplanation(request.Explanation, required: false, errors);
        var found = await records.FindAsync(user.AccountId, BuiltinTypes.Contact, contactId, ct);
        if (found.Value is not { } contact)
        {
            return found.Failed<CommunicationResponse>();
        }
        var type = request.Type?.Trim();
        var types = await store.GetSubscriptionTypesAsync(user.AccountId, ct);
        if (type != SubscriptionTypes.OneToOne && !types.Any(known => known.Name == type))
        {
            errors.Add("type", "Not a subscription type of this account (see GET /api/subscription-types).");
        }
        else if (status == SubscriptionStatuses.Subscribed && await store.IsOptedOutAsync(user.AccountId, contactId, ct))
        {
            errors.Add("type", "The contact opted out of all email: only a one-time basis for transactional mail is possible.");
        }
        if (errors.Any)
        {
            return Outcome<CommunicationResponse>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var subscription = new ContactSubscription
        {
            AccountId = user.AccountId,
            ContactId = contactId,
            SubscriptionType = type!,
            Status = status,
            LegalBasis = status == SubscriptionStatuses.Subscribed ? request.LegalBasis : null,
            Explanation = request.Explanation?.Trim(),
            UpdatedAt = now,
            UpdatedByUserId = user.UserId,
        };
        var audit = Audit(user, contactId, status == SubscriptionStatuses.Subscribed ? AuditEvents.BasisGranted : AuditEvents.BasisWithdrawn, now) with
        {
            SubscriptionType = type,
            LegalBasis = subscription.LegalBasis,
            Explanation = subscription.Explanation,
            Reason = status,
        };
        await store.SaveSubscriptionAsync(subscription, audit, ct);
        return await GetAsync(user, contactId, ct);
    }

    public async Task<Outcome<OneTimeBasisResponse>> GrantOneTimeBasisAsync(CurrentUser user, Guid contactId, OneTimeBasisRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!LegalBases.IsKnown(request.LegalBasis))
        {
            errors.Add("legalBasis", $"One of {string.Join(", ", LegalBases.All)}.");
        }
        ValidateExplanation(request.Explanation, required: true, errors);
        if (request.TrackingId is { } trackingId && (trackingId.Trim().Length == 0 || trackingId.Length > MaxTrackingIdLength))
        {
            errors.Add("trackingId", $"A tracking id is 1 to {MaxTrackingIdLength} characters.");
        }
        var found = await records.FindAsync(user.AccountId, BuiltinTypes.Contact, contactId, ct);
        if (found.Value is not { } contact)
        {
            return found.Failed<OneTimeBasisResponse>();
        }
        var transactional = request.Transactional ?? false;
        if (!transactional && await store.IsOptedOutAsync(user.AccountId, contactId, ct))
        {
            errors.Add("transactional", "The contact opted out of all email: confirm that this email is transactional and non-commercial.");
        }
        if (errors.Any)
        {
            return Outcome<OneTimeBasisResponse>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var basis = new OneTimeBasis
        {
            Id = clock.NewId(),
            AccountId = user.AccountId,
            ContactId = contactId,
            LegalBasis = request.LegalBasis!,
            Explanation = request.Explanation!.Trim(),
            Transactional = transactional,
            TrackingId = request.TrackingId?.Trim(),
            GrantedByUserId = user.UserId,
            GrantedAt = now,
        };
        var audit = Audit(user, contactId, AuditEvents.BasisGranted, now) with
        {
            LegalBasis = basis.LegalBasis,
            Explanation = basis.Explanation,
            Reason = transactional ? "oneTimeTransactional" : "oneTime",
            TrackingId = basis.TrackingId,
        };
        await store.GrantOneTimeBasisAsync(basis, audit, ct);
        return Outcome<OneTimeBasisResponse>.Done(OneTimeBasisResponse.From(basis));
    }

    public async Task<Outcome<CommunicationResponse>> SetGlobalOptOutAsync(CurrentUser user, Guid contactId, GlobalOptOutRequest request, CancellationToken ct)
    {
        if (request.OptedOut is not { } optedOut)
        {
            return Outcome<CommunicationResponse>.Invalid("optedOut", "Say whether the contact is opted out (true) or not (false).");
        }
        var found = await records.FindAsync(user.AccountId, BuiltinTypes.Contact, contactId, ct);
        if (found.Value is not { } contact)
        {
            return found.Failed<CommunicationResponse>();
        }
        // Setting what is already so changes nothing and records nothing.
        if (optedOut != await store.IsOptedOutAsync(user.AccountId, contactId, ct))
        {
            var now = clock.GetUtcNow();
            if (optedOut)
            {
                var row = new ContactOptOut { AccountId = user.AccountId, ContactId = contactId, OptedOutAt = now, ByUserId = user.UserId };
                await store.SetOptOutAsync(row, Audit(user, contactId, AuditEvents.OptedOut, now), ct);
            }
            else
            {
                await store.ClearOptOutAsync(user.AccountId, contactId, Audit(user, contactId, AuditEvents.OptOutCleared, now), ct);
            }
        }
        return await GetAsync(user, contactId, ct);
    }

    private static void ValidateExplanation(string? explanation, bool required, ValidationErrors errors)
    {
        if (required && string.IsNullOrWhiteSpace(explanation))
        {
            errors.Add("explanation", "Explain why this email is lawful; the explanation is kept as proof.");
        }
        else if (explanation?.Length > MaxExplanationLength)
        {
            errors.Add("explanation", $"At most {MaxExplanationLength} characters.");
        }
    }

    private AuditEntry Audit(CurrentUser user, Guid contactId, string auditEvent, DateTimeOffset now) => new()
    {
        Id = clock.NewId(),
        AccountId = user.AccountId,
        ContactId = contactId,
        Event = auditEvent,
        ActorUserId = user.UserId,
        OccurredAt = now,
    };
}
