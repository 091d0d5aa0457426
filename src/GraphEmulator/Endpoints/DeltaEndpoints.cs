using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OutlookCrm.GraphEmulator.Mail;

namespace OutlookCrm.GraphEmulator.Endpoints;

/// <summary>Graph's folder delta for messages (learn.microsoft.com graph/api/message-delta).</summary>
public static class DeltaEndpoints
{
    private const int DefaultPageSize = 100;

    public static RouteGroupBuilder MapDelta(this RouteGroupBuilder graph)
    {
        // The folder by key segment (as the SDK writes it) or in OData's key syntax (as the documentation does).
        foreach (var folder in MessageEndpoints.FolderSegments)
        {
            graph.MapGet($"/users/{{user}}/{folder}/messages/delta", Delta);
            graph.MapGet($"/users/{{user}}/{folder}/messages/delta()", Delta);
        }
        return graph;
    }

    /// <summary>
    /// Folder delta: without a token, every message now in the folder; with <c>$deltatoken</c>, what changed since, with
    /// <c>@removed</c> entries. Pages follow <c>@odata.nextLink</c> until <c>@odata.deltaLink</c>. A token from before
    /// an expiry answers <c>SyncStateNotFound</c> under the status the expiry asked for. Graph says it with 410 Gone for
    /// Outlook folders (github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/7897) and with 400 Bad Request
    /// for other resources (devblogs.microsoft.com/microsoft365dev/duration-of-change-tracking-tokens-for-identity-and-education-resources),
    /// and its error codes list <c>resyncRequired</c> for the same case (learn.microsoft.com graph/errors).
    /// </summary>
    private static IResult Delta(string user, string folder, HttpRequest request, MailStore mailboxes)
    {
        if (mailboxes.Find(user) is not { } mailbox || WellKnownFolders.Normalize(folder) is not { } folderName)
        {
            return MessageEndpoints.NotFound();
        }
        var token = request.Query["$deltatoken"].ToString() is { Length: > 0 } delta ? delta : request.Query["$skiptoken"].ToString();
        DeltaPosition position;
        if (token.Length == 0)
        {
            position = new DeltaPosition(mailbox.DeltaEpoch, 0, mailbox.Position, 0);
        }
        else if (DeltaPosition.TryParse(token, out var parsed) && parsed.Epoch == mailbox.DeltaEpoch)
        {
            // A delta token starts a new round up to now; a skip token continues a round.
            position = request.Query.ContainsKey("$deltatoken") ? parsed with { From = parsed.To, To = mailbox.Position, Offset = 0 } : parsed;
        }
        else
        {
            return GraphErrors.Error(mailbox.DeltaExpiryStatus, "SyncStateNotFound", "The sync state generation is not found. The delta token is expired and data must be synchronized again.");
        }
        var (changes, _) = mailbox.ChangesSince(folderName, position.From);
        var latest = changes.Where(change => change.Sequence <= position.To).GroupBy(change => change.MessageId).Select(group => group.Last())
            .Where(change => !(change.Removed && position.From == 0)).OrderBy(change => change.Sequence).ToList();
        var pageSize = PageSize(request);
        var page = latest.Skip(position.Offset).Take(pageSize).ToList();
        var bodyType = MessageEndpoints.PreferredBody(request);
        var items = page.Select(change => change.Removed || mailbox.Find(change.MessageId) is not { } message
            ? new JsonObject { ["@odata.type"] = "#microsoft.graph.message", ["id"] = change.MessageId, ["@removed"] = new JsonObject { ["reason"] = "deleted" } }
            : (JsonNode)MessageJson.Project(message, request.Query["$select"], request.Query["$expand"], typed: true, bodyType: bodyType)).ToArray();
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        var more = position.Offset + page.Count < latest.Count;
        var link = more
            ? $"{baseUrl}?$skiptoken={(position with { Offset = position.Offset + page.Count }).Encode()}"
            : $"{baseUrl}?$deltatoken={(position with { From = position.To, Offset = 0 }).Encode()}";
        var body = new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(message)",
            [more ? "@odata.nextLink" : "@odata.deltaLink"] = link,
            ["value"] = new JsonArray(items),
        };
        return Results.Json(body);
    }

    private static int PageSize(HttpRequest request)
    {
        var prefer = request.Headers["Prefer"].ToString();
        var marker = prefer.IndexOf("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase);
        return marker >= 0 && int.TryParse(prefer[(marker + 18)..].Split(',', ';')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0
            ? size
            : DefaultPageSize;
    }

    /// <summary>Where a delta round stands: the change log range it covers and how far it has paged.</summary>
    private sealed record DeltaPosition(int Epoch, long From, long To, int Offset)
    {
        public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Epoch}:{From}:{To}:{Offset}")));

        public static bool TryParse(string token, out DeltaPosition position)
        {
            position = new DeltaPosition(0, 0, 0, 0);
            if (!Base64Url.IsValid(token))
            {
                return false;
            }
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split(':');
            if (parts.Length != 4 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var epoch) || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var from)
                || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var to) || !int.TryParse(parts[3], CultureInfo.InvariantCulture, out var offset))
            {
                return false;
            }
            position = new DeltaPosition(epoch, from, to, offset);
            return true;
        }
    }
}
