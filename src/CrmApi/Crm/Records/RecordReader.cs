using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.Records;

/// <summary>Reads records as the API shows them: contacts with their addresses, lists paged by keyset.</summary>
public sealed class RecordReader(RecordStore records, ObjectTypeStore types)
{
    public static Outcome<T> UnknownType<T>(string typeName) =>
        Outcome<T>.NotFound("type", $"There is no object type named '{typeName}'.");

    public static Outcome<T> NoRecord<T>(string typeName) =>
        Outcome<T>.NotFound("id", $"There is no {typeName} with this id.");

    /// <summary>The record row when the id names a record of that type in the account, or which part of the route named nothing.</summary>
    public async Task<Outcome<CrmRecord>> FindAsync(Guid accountId, string typeName, Guid id, CancellationToken ct)
    {
        var record = await records.GetByIdAsync(accountId, id, ct);
        if (record is not null && record.TypeName == typeName)
        {
            return Outcome<CrmRecord>.Done(record);
        }
        return await types.GetByNameAsync(accountId, typeName, ct) is null ? UnknownType<CrmRecord>(typeName) : NoRecord<CrmRecord>(typeName);
    }

    /// <summary>The records of these ids that exist in the account, as summaries, in the order asked.</summary>
    public async Task<IReadOnlyList<RecordSummary>> SummariesAsync(Guid accountId, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var found = (await records.GetManyByIdsAsync(accountId, ids.Distinct().ToList(), ct)).ToDictionary(record => record.Id);
        return ids.Distinct().Where(found.ContainsKey).Select(id => new RecordSummary(id, found[id].TypeName, found[id].Name)).ToList();
    }

    /// <summary>
    /// The index of the first id that names no record of the account (another account's or a deleted one), or -1 when
    /// every one does: callers answer 404 naming that item.
    /// </summary>
    public async Task<int> IndexOfMissingAsync(Guid accountId, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var found = (await records.GetManyByIdsAsync(accountId, ids.Distinct().ToList(), ct)).Select(record => record.Id).ToHashSet();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!found.Contains(ids[i]))
            {
                return i;
            }
        }
        return -1;
    }

    public async Task<Outcome<RecordResponse>> GetAsync(Guid accountId, string typeName, Guid id, CancellationToken ct)
    {
        var found = await FindAsync(accountId, typeName, id, ct);
        if (found.Value is not { } record)
        {
            return found.Failed<RecordResponse>();
        }
        var emails = record.TypeName == BuiltinTypes.Contact ? (await records.GetEmailsAsync(accountId, [id], ct))[id].ToList() : null;
        return Outcome<RecordResponse>.Done(record.ToResponse(emails));
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
