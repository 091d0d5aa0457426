namespace OutlookCrm.CrmApi.MailboxSync.Graph;

public sealed partial class GraphMail
{
    /// <summary>
    /// The message's id in Graph's default REST format: the same message asked for without <c>Prefer: IdType="ImmutableId"</c>
    /// ("This header only applies to the request it is included with", learn.microsoft.com/graph/outlook-immutable-id).
    /// <c>translateExchangeIds</c> would say it directly but is delegated-only ("Application: Not supported",
    /// learn.microsoft.com/graph/api/user-translateexchangeids), and this app reads mail app-only.
    /// </summary>
    public async Task<string?> GetDefaultIdAsync(string address, string messageId, CancellationToken ct) =>
        (await OrNullWhenGoneAsync(() => graph.Users[address].Messages[messageId].GetAsync(request => request.QueryParameters.Select = ["id"], ct)))?.Id;
}
