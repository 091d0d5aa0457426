using OutlookCrm.GraphEmulator.Mail;

namespace OutlookCrm.GraphEmulator.Faults;

/// <summary>
/// <c>POST /_emulator/access-policy</c>: <c>mailboxes</c> (addresses) the app may read, null for every mailbox;
/// <c>directory</c> false when the app has no directory permission (Mail.Read alone, as docs/deploy.md grants);
/// <c>subscriptions</c> false when the scope lets the app read the mailboxes but not subscribe to them.
/// </summary>
public sealed record AccessPolicyRequest(List<string>? Mailboxes, bool? Directory, bool? Subscriptions = null);

/// <summary>
/// What a tenant lets the app reach. An administrator limits an app's application permissions to a set of mailboxes
/// with Exchange's RBAC for Applications (learn.microsoft.com exchange/permissions-exo/application-rbac) or an
/// application access policy (learn.microsoft.com graph/auth-limit-mailbox-access); outside the set Graph answers
/// 403 ErrorAccessDenied. Reading a user object (<c>GET /users/{id}</c>) is a directory read, which needs
/// User.ReadBasic.All or User.Read.All (learn.microsoft.com graph/api/user-get, "Permissions"): without it, 403
/// Authorization_RequestDenied (learn.microsoft.com graph/resolve-auth-errors).
/// </summary>
public sealed class AccessPolicy(MailStore mailboxes)
{
    private readonly Lock _gate = new();
    private HashSet<string>? _mailboxIds;

    public bool Directory { get; private set; } = true;

    /// <summary>
    /// Whether RBAC for Applications covers change notification subscriptions is not documented (its role list names
    /// Mail.Read and others, not subscriptions: learn.microsoft.com exchange/permissions-exo/application-rbac); false
    /// makes a subscription on an in-scope mailbox answer 403 while its mail can be read, the unsafe case to test.
    /// </summary>
    public bool Subscriptions { get; private set; } = true;

    /// <summary>The addresses of the request no mailbox of the emulator has, for the control API to refuse.</summary>
    public IReadOnlyList<string> Apply(AccessPolicyRequest request)
    {
        var unknown = request.Mailboxes?.Where(address => mailboxes.FindByAddress(address) is null).ToList() ?? [];
        if (unknown.Count > 0)
        {
            return unknown;
        }
        lock (_gate)
        {
            _mailboxIds = request.Mailboxes?.Select(address => mailboxes.FindByAddress(address)!.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Directory = request.Directory ?? true;
            Subscriptions = request.Subscriptions ?? true;
        }
        return [];
    }

    public void Clear() => Apply(new AccessPolicyRequest(null, true));

    public bool AllowsMailbox(EmulatedMailbox mailbox)
    {
        lock (_gate)
        {
            return _mailboxIds is null || _mailboxIds.Contains(mailbox.Id);
        }
    }

    public bool AllowsSubscription(EmulatedMailbox mailbox) => Subscriptions && AllowsMailbox(mailbox);
}
