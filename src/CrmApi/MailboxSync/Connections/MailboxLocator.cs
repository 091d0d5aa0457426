using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Connections;

/// <summary>
/// Finds the mailbox to connect in Graph with the permissions docs/deploy.md grants: Mail.Read, scoped to some
/// mailboxes by RBAC for Applications or an access policy, and nothing in the directory. So the proof is a probe of the
/// Inbox (which also proves the scope includes it), never a read of the user; reading the user is only a bonus when
/// the tenant allows it (the SMTP address of a rep's own mailbox, a personal mailbox's owner).
/// </summary>
public sealed class MailboxLocator(IGraphMailFactory graph)
{
    public const string AccessFix =
        "OutlookCrm's app registration needs Mail.Read (application) with admin consent, and the mailbox must be in its RBAC for Applications " +
        "scope or application access policy (docs/deploy.md, step 2). A change to either takes up to 2 hours to apply: try again later, or run " +
        "the doctor (GET /api/admin/doctor?mailbox=...) to see what Microsoft 365 says.";

    /// <summary>A rep's own mailbox, named in Graph by the object id of their token (a name claim proves nothing).</summary>
    public async Task<Outcome<MailboxTarget>> OwnAsync(CurrentUser user, string? claimedAddress, CancellationToken ct)
    {
        var client = graph.ForTenant(user.TenantId);
        var probe = await client.ProbeMailboxAsync(user.ObjectId, ct);
        if (probe.Result != MailboxProbeResult.Readable)
        {
            return Refused(probe, "Microsoft 365 has no mailbox for your account that OutlookCrm may read.");
        }
        // The token's address is the fallback when the directory will not say: Graph read the mailbox by the oid, so
        // whatever the address, the mailbox is this user's.
        var address = (await client.FindUserAsync(user.ObjectId, ct))?.Mail ?? user.Email;
        if (claimedAddress is not null && EmailAddresses.Normalize(claimedAddress) != EmailAddresses.Normalize(address))
        {
            return Outcome<MailboxTarget>.Forbidden($"You can connect your own mailbox ({address}) only; a CRM admin connects other people's.");
        }
        return Outcome<MailboxTarget>.Done(new MailboxTarget(user.ObjectId, address, user.ObjectId));
    }

    /// <summary>Anyone's mailbox, for an admin: by the UPN or object id given, else by its address.</summary>
    public async Task<Outcome<MailboxTarget>> OtherAsync(CurrentUser user, string address, string? userId, bool personal, CancellationToken ct)
    {
        var client = graph.ForTenant(user.TenantId);
        var key = string.IsNullOrWhiteSpace(userId) ? address : userId.Trim();
        var probe = await client.ProbeMailboxAsync(key, ct);
        if (probe.Result != MailboxProbeResult.Readable)
        {
            return Refused(probe, userId is null
                ? "Microsoft 365 has no mailbox by this address that OutlookCrm may read. Graph names a mailbox by its user principal name or object id: " +
                  "if the address is an alias, or differs from the user principal name, give that as userId."
                : "Microsoft 365 has no mailbox with this userId that OutlookCrm may read.");
        }
        // The object id is the steadiest name (a UPN can be renamed); known only when the directory may be read.
        var found = await client.FindUserAsync(key, ct);
        var owner = personal ? found?.Id ?? (Guid.TryParse(key, out _) ? key : null) : null;
        return Outcome<MailboxTarget>.Done(new MailboxTarget(found?.Id ?? key, address, owner));
    }

    private static Outcome<MailboxTarget> Refused(MailboxProbe probe, string notFound) => probe.Result == MailboxProbeResult.Denied
        ? Outcome<MailboxTarget>.Forbidden($"Microsoft 365 refused OutlookCrm access to this mailbox ({probe.Detail}). {AccessFix}")
        : Outcome<MailboxTarget>.NotFound("address", notFound);
}
