using System.Data.Common;

namespace OutlookCrm.CrmApi.Crm.Cards;

/// <summary>
/// A record's last activity, as its card shows it: today the newest email on its timeline, titled as the timeline titles
/// it. The area that keeps the activities answers, on the card's connection, so cards know neither the email tables
/// nor how an email is titled (Email builds on Crm, not the other way round).
/// </summary>
public interface ILastActivities
{
    /// <summary>The newest activity of each of the records that has one.</summary>
    Task<IReadOnlyDictionary<Guid, CardActivity>> GetLastAsync(DbConnection connection, Guid accountId, IReadOnlyList<Guid> recordIds, CancellationToken ct);
}
