using System.Data.Common;
using Dapper;

namespace OutlookCrm.CrmApi.Compose.UncheckedSends;

/// <summary>One email sent to one contact without the legal-basis check, as the key that keeps it recorded once.</summary>
public sealed record UncheckedSend(Guid AccountId, string InternetMessageId, Guid ContactId, string? TrackingId, DateTimeOffset FoundAt);

/// <summary>The emails found sent without the send check, per contact; always in the caller's transaction.</summary>
public static class UncheckedSendStore
{
    public static async Task<bool> AnyOfEmailAsync(DbTransaction transaction, Guid accountId, string internetMessageId, CancellationToken ct) =>
        await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
            UncheckedSendSql.AnyOfEmail, new { AccountId = accountId, InternetMessageId = internetMessageId }, transaction, cancellationToken: ct)) == 1;

    /// <summary>True when this email and contact were not recorded before (and now are).</summary>
    public static async Task<bool> TryAddAsync(DbTransaction transaction, UncheckedSend send, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(UncheckedSendSql.Add, send, transaction, cancellationToken: ct)) == 1;
}
