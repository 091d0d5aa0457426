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

/// <summary>The account's logging settings and its users' own logging policies.</summary>
public sealed class LoggingSettingsStore(Db db, TimeProvider clock)
{
    public async Task<AccountLoggingSettings> GetAsync(Guid accountId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<AccountLoggingSettings>(new CommandDefinition(
            LoggingSettingsSql.Get, new { AccountId = accountId }, cancellationToken: ct)) ?? new AccountLoggingSettings();
    }

    /// <summary>The account's create-contacts policy (<see cref="CreateContactsPolicies"/>), off when never set.</summary>
    public async Task<string> GetCreateContactsAsync(Guid accountId, CancellationToken ct) => (await GetAsync(accountId, ct)).CreateContacts;

    public async Task SaveAsync(Guid accountId, AccountLoggingSettings settings, CancellationToken ct)
    {
        var parameters = new
        {
            AccountId = accountId,
            settings.CreateContacts,
            settings.Outgoing,
            settings.Incoming,
            settings.Associations,
            settings.UsersMayOverride,
            UpdatedAt = clock.GetUtcNow(),
        };
        await using var connection = await db.OpenForWriteAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(LoggingSettingsSql.Update, parameters, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(LoggingSettingsSql.Create, parameters, cancellationToken: ct));
        }
    }

    public async Task<UserLoggingOverride> GetUserAsync(Guid accountId, Guid userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<UserLoggingOverride>(new CommandDefinition(
            LoggingSettingsSql.GetUser, new { AccountId = accountId, UserId = userId }, cancellationToken: ct)) ?? new UserLoggingOverride(null, null);
    }

    public async Task SaveUserAsync(Guid accountId, Guid userId, UserLoggingOverride choice, CancellationToken ct)
    {
        var parameters = new { AccountId = accountId, UserId = userId, choice.Outgoing, choice.Incoming, UpdatedAt = clock.GetUtcNow() };
        await using var connection = await db.OpenForWriteAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(LoggingSettingsSql.UpdateUser, parameters, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(LoggingSettingsSql.CreateUser, parameters, cancellationToken: ct));
        }
    }

    /// <summary>
    /// The policy for a user's mail: the account's, with the user's own outgoing and incoming choice while the account
    /// allows it (a choice made while allowed is kept, and unused, after the admin stops allowing it). No user (a team
    /// or help-desk mailbox): the account's.
    /// </summary>
    public async Task<LoggingPolicy> GetPolicyAsync(Guid accountId, Guid? userId, CancellationToken ct)
    {
        var account = await GetAsync(accountId, ct);
        var own = userId is { } id && account.UsersMayOverride ? await GetUserAsync(accountId, id, ct) : new UserLoggingOverride(null, null);
        return new LoggingPolicy(own.Outgoing ?? account.Outgoing, own.Incoming ?? account.Incoming, account.Associations, own.Outgoing is not null || own.Incoming is not null);
    }
}
