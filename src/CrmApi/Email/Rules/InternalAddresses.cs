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
}
