using System.Data.Common;
using Dapper;
using OutlookCrm.CrmApi.Crm.Cards;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>The last activity on a record's card: the newest email on its timeline, with its timeline title.</summary>
public sealed class LastEmailStore : ILastActivities
{
    public async Task<IReadOnlyDictionary<Guid, CardActivity>> GetLastAsync(DbConnection connection, Guid accountId, IReadOnlyList<Guid> recordIds, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<LastEmailRow>(new CommandDefinition(LastEmailSql.OfRecords, new { AccountId = accountId, Ids = recordIds }, cancellationToken: ct));
        // Emails sent at the same instant: the greatest id.
        return rows.GroupBy(row => row.RecordId)
            .Select(group => group.MaxBy(row => row.EmailId)!)
            .ToDictionary(row => row.RecordId, row => new CardActivity(row.EmailId, TimelineTitle.For(row.Kind, row.Subject), row.SentAt));
    }

    // Read by Dapper through init properties, so the type handlers turn SQLite's TEXT into Guids and times.
    private sealed record LastEmailRow
    {
        public required Guid RecordId { get; init; }
        public required Guid EmailId { get; init; }
        public required string Kind { get; init; }
        public required string Subject { get; init; }
        public required DateTimeOffset SentAt { get; init; }
    }
}
