using Dapper;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Email.LoggingSettings;

/// <summary>Whether logging makes contacts of unknown external participants: never, for sent mail, or for all.</summary>
public static class CreateContactsPolicies
{
    public const string Off = "off";
    public const string Sent = "sent";
    public const string SentAndReceived = "sentAndReceived";

    public static readonly IReadOnlyList<string> All = [Off, Sent, SentAndReceived];
}

/// <summary>The account's logging settings.</summary>
public sealed class LoggingSettingsStore(Db db, TimeProvider clock)
{
    /// <summary>The account's create-contacts policy (<see cref="CreateContactsPolicies"/>), off when never set.</summary>
    public async Task<string> GetCreateContactsAsync(Guid accountId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            LoggingSettingsSql.GetCreateContacts, new { AccountId = accountId }, cancellationToken: ct)) ?? CreateContactsPolicies.Off;
    }

    public async Task SaveCreateContactsAsync(Guid accountId, string policy, CancellationToken ct)
    {
        var parameters = new { AccountId = accountId, CreateContacts = policy, UpdatedAt = clock.GetUtcNow() };
        await using var connection = await db.OpenForWriteAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(LoggingSettingsSql.UpdateCreateContacts, parameters, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(LoggingSettingsSql.CreateCreateContacts, parameters, cancellationToken: ct));
        }
    }
}
