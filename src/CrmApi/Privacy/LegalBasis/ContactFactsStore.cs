using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Privacy.LegalBasis;

/// <summary>What the legal-basis rows of some contacts hold: opt-outs, subscriptions, and open one-time bases.</summary>
public sealed record LegalBasisRows(IReadOnlySet<Guid> OptedOut, IReadOnlyList<ContactSubscription> Subscriptions, IReadOnlyList<OneTimeBasis> OpenBases)
{
    /// <summary>Each contact's facts for one email (its tracking id, or none for "the next email").</summary>
    public IReadOnlyDictionary<Guid, ContactFacts> FactsFor(IEnumerable<Guid> contactIds, string? trackingId)
    {
        var subscriptions = Subscriptions.ToLookup(subscription => subscription.ContactId);
        var bases = OpenBases.ToLookup(basis => basis.ContactId);
        return contactIds.Distinct().ToDictionary(id => id, id => ContactFacts.Of(id, OptedOut.Contains(id), subscriptions[id], bases[id], trackingId));
    }
}

/// <summary>The one loader of contacts' legal-basis facts: the pane's contact view and the send check both read here.</summary>
public sealed class ContactFactsStore(Db db)
{
    public async Task<LegalBasisRows> LoadAsync(Guid accountId, IReadOnlyCollection<Guid> contactIds, string? trackingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await LoadAsync(connection, accountId, contactIds, trackingId, ct);
    }

    /// <summary>The same on a caller's connection (the send check reads everything it needs on one).</summary>
    public static async Task<LegalBasisRows> LoadAsync(DbConnection connection, Guid accountId, IReadOnlyCollection<Guid> contactIds, string? trackingId, CancellationToken ct)
    {
        if (contactIds.Count == 0)
        {
            return new LegalBasisRows(new HashSet<Guid>(), [], []);
        }
        var parameters = new { AccountId = accountId, ContactIds = contactIds, TrackingId = trackingId };
        var optedOut = (await connection.QueryAsync<ContactOptOut>(new CommandDefinition(PrivacySql.GetOptOuts, parameters, cancellationToken: ct)))
            .Select(optOut => optOut.ContactId).ToHashSet();
        var subscriptions = (await connection.QueryAsync<ContactSubscription>(new CommandDefinition(PrivacySql.GetSubscriptions, parameters, cancellationToken: ct))).AsList();
        var bases = (await connection.QueryAsync<OneTimeBasis>(new CommandDefinition(PrivacySql.GetOpenOneTimeBases, parameters, cancellationToken: ct))).AsList();
        return new LegalBasisRows(optedOut, subscriptions, bases);
    }
}
