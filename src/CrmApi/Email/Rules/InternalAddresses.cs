using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>
/// The account's own addresses as logging sees them: its users, its internal domains (both Privacy's) and its connected
/// mailboxes, team and help-desk ones included. The legal-basis check counts users and internal domains only.
/// </summary>
public sealed class InternalAddresses(Db db, MailboxStore mailboxes)
{
    public async Task<bool> IsConnectedMailboxAsync(Guid accountId, string normalizedAddress, CancellationToken ct) =>
        (await mailboxes.GetConnectedAmongAsync(accountId, [normalizedAddress], ct)).Count > 0;

    /// <summary>Which of these addresses are the account's own.</summary>
    public async Task<IReadOnlySet<string>> AmongAsync(Guid accountId, IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        if (addresses.Count == 0)
        {
            return new HashSet<string>();
        }
        await using var connection = await db.OpenAsync(ct);
        var (domains, users) = await PrivacyStore.GetInternalAsync(connection, null, accountId, addresses, ct);
        var own = users.Union(await MailboxStore.GetConnectedAmongAsync(connection, accountId, addresses, ct)).ToHashSet();
        return addresses.Where(address => own.Contains(address) || InternalDomains.Contains(domains, address)).ToHashSet();
    }

    /// <summary>
    /// Which of these addresses are teammates: users of the account (signed in, or with their own mailbox connected),
    /// never a connected team or help-desk address even where a user signed in as it. A reply to what the help desk
    /// sent goes to the customer, not "to a teammate" (issue 20); an internal domain alone names no person either.
    /// </summary>
    public async Task<IReadOnlySet<string>> TeammatesAmongAsync(Guid accountId, IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        if (addresses.Count == 0)
        {
            return new HashSet<string>();
        }
        await using var connection = await db.OpenAsync(ct);
        var (_, users) = await PrivacyStore.GetInternalAsync(connection, null, accountId, addresses, ct);
        var connected = await MailboxStore.GetConnectedAmongAsync(connection, accountId, addresses, ct);
        var shared = await MailboxStore.GetSharedAmongAsync(connection, accountId, addresses, ct);
        return users.Union(connected).Except(shared).ToHashSet();
    }
}
