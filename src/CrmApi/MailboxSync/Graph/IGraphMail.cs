namespace OutlookCrm.CrmApi.MailboxSync.Graph;

/// <summary>
/// Everything the product asks Microsoft Graph about mail: the one seam between ingestion and Graph. The real
/// implementation uses the Microsoft.Graph SDK against Graph or the emulator; unit tests may mock this interface.
/// A message or subscription that no longer exists comes back as null (not an exception).
/// </summary>
public interface IGraphMail
{
    /// <summary>The directory user behind a mailbox (by object id or address), or null when Graph has none we may read.</summary>
    Task<GraphUser?> FindUserAsync(string idOrAddress, CancellationToken ct);

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
