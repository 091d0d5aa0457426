namespace OutlookCrm.CrmApi.MailboxSync.Graph;

/// <summary>
/// Everything the product asks Microsoft Graph about mail: the one seam between ingestion and Graph. The real
/// implementation uses the Microsoft.Graph SDK against Graph or the emulator; unit tests may mock this interface.
/// A message or subscription that no longer exists comes back as null (not an exception).
/// </summary>
public interface IGraphMail
{
    /// <summary>
    /// The directory user behind a mailbox (by object id or UPN), or null when Graph has none or will not say: reading
    /// a user needs a directory permission (User.ReadBasic.All) the app is not required to have.
    /// </summary>
    Task<GraphUser?> FindUserAsync(string idOrAddress, CancellationToken ct);

    /// <summary>
    /// May the app read this mailbox? <c>GET /users/{x}/mailFolders/inbox?$select=id</c>, which Mail.Read allows and an
    /// RBAC scope or access policy refuses: the one call that proves access with the permissions the app is given.
    /// </summary>
    Task<MailboxProbe> ProbeMailboxAsync(string userIdOrAddress, CancellationToken ct);

    Task<GraphSubscriptionInfo> CreateSubscriptionAsync(string address, string folder, string clientState, DateTimeOffset expiresAt, CancellationToken ct);

    Task<DateTimeOffset?> RenewSubscriptionAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken ct);

    Task DeleteSubscriptionAsync(string subscriptionId, CancellationToken ct);

    Task<IReadOnlyList<GraphSubscriptionInfo>> ListSubscriptionsAsync(CancellationToken ct);

    Task<FetchedMessage?> GetMessageAsync(string address, string messageId, CancellationToken ct);

    /// <summary>The headers of the raw message (<c>/$value</c>): custom x- headers of a Sent Items copy are only there.</summary>
    Task<IReadOnlyList<KeyValuePair<string, string>>?> GetMimeHeadersAsync(string address, string messageId, CancellationToken ct);

    /// <summary>The message's attachments, metadata only (<c>$select</c> without <c>contentBytes</c>).</summary>
    Task<IReadOnlyList<AttachmentInfo>> GetAttachmentsAsync(string address, string messageId, CancellationToken ct);

    /// <summary>The message's id in Graph's default (regular) REST format, from its immutable id; null when it is gone.</summary>
    Task<string?> GetDefaultIdAsync(string address, string messageId, CancellationToken ct);

    /// <summary>A delta page: from the start of the folder when <paramref name="link"/> is null, else from a next or delta link.</summary>
    Task<DeltaPage> DeltaAsync(string address, string folder, string? link, CancellationToken ct);
}
