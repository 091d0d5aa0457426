using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Content.Files;

/// <summary>A document's file as uploaded by its owner: it replaces the one before it whole.</summary>
public sealed record ContentFileUpload(Guid ContentId, Guid AccountId, Guid UserId, string FileName, string ContentType, byte[] Bytes, DateTimeOffset UploadedAt);

/// <summary>A document's file as its link serves it.</summary>
public sealed record ContentFileRow
{
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Bytes { get; init; }
}

/// <summary>Documents' files: replaced whole, read by the document's public token.</summary>
public sealed class ContentFileStore(Db db)
{
    /// <summary>The old file goes, the new one comes and the item records who changed it, in one transaction: the link never serves half of either.</summary>
    public Task ReplaceAsync(ContentFileUpload file, CancellationToken ct) =>
        db.InTransactionAsync(async transaction =>
        {
            var connection = transaction.Connection!;
            await connection.ExecuteAsync(new CommandDefinition(ContentFileSql.Delete, file, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(ContentFileSql.Create, file, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(ContentFileSql.TouchItem, file, transaction, cancellationToken: ct));
        }, ct);

    /// <summary>The file of the document with this public token, or null.</summary>
    public async Task<ContentFileRow?> GetByPublicTokenAsync(string token, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ContentFileRow>(
            new CommandDefinition(ContentFileSql.GetByPublicToken, new { PublicToken = token }, cancellationToken: ct));
    }
}
