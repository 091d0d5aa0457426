namespace OutlookCrm.CrmApi.Platform.Auth;

/// <summary>
/// The caller of an API request: the account every query is scoped to, and the user. Set once per request by
/// <see cref="CurrentUserMiddleware"/> before any handler runs; handlers take it as a parameter.
/// </summary>
public sealed class CurrentUser
{
    private Identity? _identity;

    public Guid AccountId => Value.AccountId;

    public Guid UserId => Value.UserId;

    public string Email => Value.Email;

    public string DisplayName => Value.DisplayName;

    /// <summary>The Microsoft 365 tenant (tid): Graph app-only calls for the account are made in it.</summary>
    public string TenantId => Value.TenantId;

    /// <summary>Assigned Crm.Admin in this request's token (roles come from the token, never from a cache).</summary>
    public bool IsAdmin { get; private set; }

    /// <summary>False outside /api and when the request was refused before its user was known.</summary>
    public bool IsSet => _identity is not null;

    private Identity Value => _identity ?? throw new InvalidOperationException("CurrentUser is read outside the /api route group");

    internal void Set(Identity identity, bool isAdmin)
    {
        _identity = identity;
        IsAdmin = isAdmin;
    }

    /// <summary>The Entra object id (oid): what Graph names the user's own mailbox by, unlike a name claim.</summary>
    public string ObjectId => Value.ObjectId;

    internal sealed record Identity(Guid AccountId, Guid UserId, string Email, string DisplayName, string TenantId = "", string ObjectId = "");
}
