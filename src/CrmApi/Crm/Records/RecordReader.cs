using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.Records;

/// <summary>A record found under its type, or which part of the route named nothing.</summary>
public sealed record FoundRecord(CrmRecord? Row, SaveRecordResult.NotFound? Missing);

/// <summary>Reads records as the API shows them: contacts with their addresses, lists paged by keyset.</summary>
public sealed class RecordReader(RecordStore records, ObjectTypeStore types)
{
    public static SaveRecordResult.NotFound UnknownType(string typeName) =>
        new("type", $"There is no object type named '{typeName}'.");

    public static SaveRecordResult.NotFound NoRecord(string typeName) =>
        new("id", $"There is no {typeName} with this id.");

    /// <summary>The record row when the id names a record of that type in the account.</summary>
    public async Task<FoundRecord> FindAsync(Guid accountId, string typeName, Guid id, CancellationToken ct)
    {
        var record = await records.GetByIdAsync(accountId, id, ct);
        if (record is not null && record.TypeName == typeName)
        {
            return new FoundRecord(record, null);
        }
        var missing = await types.GetByNameAsync(accountId, typeName, ct) is null ? UnknownType(typeName) : NoRecord(typeName);
        return new FoundRecord(null, missing);
    }

    public async Task<(RecordResponse? Record, SaveRecordResult.NotFound? Missing)> GetAsync(Guid accountId, string typeName, Guid id, CancellationToken ct)
    {
        var (record, missing) = await FindAsync(accountId, typeName, id, ct);
        if (record is null)
        {
            return (null, missing);
        }
        var emails = record.TypeName == BuiltinTypes.Contact ? (await records.GetEmailsAsync(accountId, [id], ct))[id].ToList() : null;
        return (record.ToResponse(emails), null);
    }

    public async Task<RecordPage> SearchAsync(Guid accountId, ObjectType type, string? query, Cursor? after, int limit, string scope, CancellationToken ct)
    {
        // One row more than the page tells whether there is a next page without a count.
        var rows = await records.SearchAsync(accountId, type.Id, query, after is { } a ? (a.SortKey, a.Id) : null, limit + 1, ct);
        var page = rows.Take(limit).ToList();
        var emails = type.Name == BuiltinTypes.Contact
            ? await records.GetEmailsAsync(accountId, page.Select(record => record.Id).ToList(), ct)
            : null;
        var items = page.Select(record => record.ToResponse(emails?[record.Id].ToList())).ToList();
        var next = rows.Count > limit ? new Cursor(page[^1].Name, page[^1].Id).Encode(scope) : null;
        return new RecordPage(items, next);
    }
}
