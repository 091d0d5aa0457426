using System.Text.Json;
using Dapper;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Crm.Cards;

/// <summary>
/// Builds the cards of many records with three queries on one connection (the third, the last activities, answered by
/// the area that keeps them), in the order the ids were asked.
/// </summary>
public sealed class CardStore(Db db, ILastActivities lastActivities)
{
    /// <summary>The free property a contact's job title is kept in.</summary>
    public const string TitleProperty = "jobTitle";

    public async Task<IReadOnlyList<Card>> GetAsync(Guid accountId, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var parameters = new { AccountId = accountId, Ids = ids };
        await using var connection = await db.OpenAsync(ct);
        var records = (await connection.QueryAsync<CardRecordRow>(new CommandDefinition(CardSql.Records, parameters, cancellationToken: ct))).ToDictionary(row => row.Id);
        var related = (await connection.QueryAsync<CardRelatedRow>(new CommandDefinition(CardSql.Related, parameters, cancellationToken: ct))).ToLookup(row => row.CardId);
        var last = await lastActivities.GetLastAsync(connection, accountId, ids, ct);
        return ids.Where(records.ContainsKey).Select(id => Build(records[id], related[id], last.GetValueOrDefault(id))).ToList();
    }

    private static Card Build(CardRecordRow record, IEnumerable<CardRelatedRow> related, CardActivity? lastActivity)
    {
        var all = related.ToList();
        return new Card(
            record.Id,
            record.TypeName,
            record.Name,
            TitleOf(record.Properties),
            record.Email,
            record.OwnerUserId is { } ownerId ? new CardOwner(ownerId, record.OwnerName ?? "") : null,
            all.Where(row => row.TypeName == BuiltinTypes.Contact).Select(row => new CardContact(row.Id, row.Name, row.Email)).ToList(),
            all.Where(row => row.TypeName == BuiltinTypes.Company).Select(row => new RecordSummary(row.Id, row.TypeName, row.Name)).ToList(),
            // Open deals first: they are what a rep writes about.
            all.Where(row => row.TypeName == BuiltinTypes.Deal)
                .Select(row => new CardDeal(row.Id, row.Name, row.Stage, CoreFields.IsOpenDeal(row.Stage)))
                .OrderByDescending(deal => deal.Open)
                .ToList(),
            all.Where(row => row.TypeName == BuiltinTypes.Ticket && CoreFields.IsOpenTicket(row.Status))
                .Select(row => new CardTicket(row.Id, row.Name, row.Status))
                .ToList(),
            lastActivity);
    }

    private static string? TitleOf(string properties)
    {
        using var json = JsonDocument.Parse(properties);
        return json.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.TryGetProperty(TitleProperty, out var title)
            && title.ValueKind == JsonValueKind.String
            && title.GetString() is { Length: > 0 } text
            ? text
            : null;
    }
}
