using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace OutlookCrm.CrmApi.MailboxSync.Graph;

/// <summary>Users and mailbox probes: what the app may know about a mailbox before it watches it.</summary>
public sealed partial class GraphMail
{
    public async Task<GraphUser?> FindUserAsync(string idOrAddress, CancellationToken ct)
    {
        try
        {
            var user = await OrNullWhenGoneAsync(() => graph.Users[idOrAddress].GetAsync(request => request.QueryParameters.Select = ["id", "mail", "userPrincipalName"], ct));
            return user is { Id: { } id } ? new GraphUser(id, user.Mail ?? user.UserPrincipalName ?? idOrAddress) : null;
        }
        catch (ApiException error) when (error.ResponseStatusCode == StatusCodes.Status403Forbidden)
        {
            // Authorization_RequestDenied: no directory permission, which the app does not need (docs/deploy.md).
            return null;
        }
    }

    public async Task<MailboxProbe> ProbeMailboxAsync(string userIdOrAddress, CancellationToken ct)
    {
        try
        {
            var folder = await OrNullWhenGoneAsync(() => graph.Users[userIdOrAddress].MailFolders["inbox"].GetAsync(request => request.QueryParameters.Select = ["id"], ct));
            return folder is null ? new MailboxProbe(MailboxProbeResult.NotFound) : new MailboxProbe(MailboxProbeResult.Readable);
        }
        catch (ApiException error) when (error.ResponseStatusCode is StatusCodes.Status403Forbidden or StatusCodes.Status401Unauthorized)
        {
            return new MailboxProbe(MailboxProbeResult.Denied, error is ODataError { Error: { } odata } ? $"{odata.Code}: {odata.Message}" : $"HTTP {error.ResponseStatusCode}");
        }
    }
}
