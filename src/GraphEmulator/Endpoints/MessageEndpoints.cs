using System.Globalization;
using System.Text.Json.Nodes;
using OutlookCrm.GraphEmulator.Faults;
using OutlookCrm.GraphEmulator.Mail;

namespace OutlookCrm.GraphEmulator.Endpoints;

/// <summary>Graph's messages: a folder's list, one message with <c>$select</c>/<c>$expand</c>, its raw MIME, its attachments, delete.</summary>
public static class MessageEndpoints
{
    // List messages: "The default page size is 10 messages" (learn.microsoft.com graph/api/user-list-messages).
    private const int DefaultListSize = 10;

    /// <summary>A folder as <c>mailFolders/inbox</c> (the SDK's form) or <c>mailFolders('inbox')</c> (the documentation's).</summary>
    public static readonly string[] FolderSegments = ["mailFolders/{folder}", "mailFolders('{folder}')"];

    public static RouteGroupBuilder MapMessages(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users/{user}", (string user, MailStore mailboxes) => mailboxes.Find(user) is { } mailbox
            ? Results.Json(new
            {
                id = mailbox.Id,
                userPrincipalName = mailbox.UserPrincipalName,
                mail = mailbox.Address,
                displayName = mailbox.DisplayName,
                proxyAddresses = mailbox.Aliases.Select(alias => $"smtp:{alias}").Prepend($"SMTP:{mailbox.Address}").ToList(),
            })
            : GraphErrors.Error(StatusCodes.Status404NotFound, "Request_ResourceNotFound", $"Resource '{user}' does not exist."));
        graph.MapGet("/users/{user}/messages", (string user, HttpRequest request, MailStore mailboxes) => List(user, null, request, mailboxes));
        foreach (var folder in FolderSegments)
        {
            graph.MapGet($"/users/{{user}}/{folder}/messages", List);
        }
        graph.MapGet("/users/{user}/messages/{id}", GetMessage);
        // Delete a message: 204 No Content (learn.microsoft.com graph/api/message-delete); delta then reports it @removed.
        graph.MapDelete("/users/{user}/messages/{id}", (string user, string id, MailStore mailboxes) =>
            mailboxes.Find(user)?.Remove(id) == true ? Results.NoContent() : NotFound());
        graph.MapGet("/users/{user}/messages/{id}/$value", GetMimeAsync);
        graph.MapGet("/users/{user}/messages/{id}/attachments", (string user, string id, MailStore mailboxes) => mailboxes.Find(user)?.Find(id) is { } message
            ? Results.Json(new { value = message.Attachments.Select(attachment => AttachmentJson(attachment, message.ReceivedDateTime)) })
            : NotFound());
        return graph;
    }

    private static IResult GetMessage(string user, string id, HttpRequest request, MailStore mailboxes, FaultState faults)
    {
        if (mailboxes.Find(user)?.Find(RestIdFormats.Immutable(id)) is not { } message)
        {
            return NotFound();
        }
        if (faults.PoisonSubject is { } poison && message.Subject.Contains(poison, StringComparison.Ordinal))
        {
            return GraphErrors.Error(StatusCodes.Status500InternalServerError, "ErrorInternalServerError", "An internal server error occurred.");
        }
        var select = request.Query["$select"].ToString();
        var bodyType = PreferredBody(request);
        var json = MessageJson.Project(message, select, request.Query["$expand"], context: MessageJson.Context(user, select, entity: true), bodyType: bodyType);
        if (!RestIdFormats.WantsImmutable(request) && json["id"] is not null)
        {
            json["id"] = RestIdFormats.Default(message.Id);
        }
        return Results.Json(json);
    }

    /// <summary>
    /// A page of a folder's messages (or the mailbox's), newest first, <c>$top</c> and <c>$skip</c> honoured and the
    /// next page in <c>@odata.nextLink</c>; a meeting request carries its own <c>@odata.type</c> among plain messages.
    /// </summary>
    private static IResult List(string user, string? folder, HttpRequest request, MailStore mailboxes)
    {
        var folderName = folder is null ? null : WellKnownFolders.Normalize(folder);
        if (mailboxes.Find(user) is not { } mailbox || (folder is not null && folderName is null))
        {
            return NotFound();
        }
        var top = int.TryParse(request.Query["$top"], CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked : DefaultListSize;
        var skip = int.TryParse(request.Query["$skip"], CultureInfo.InvariantCulture, out var skipped) && skipped > 0 ? skipped : 0;
        var messages = (folderName is null ? WellKnownFolders.All : [folderName]).SelectMany(mailbox.Messages).OrderByDescending(message => message.ReceivedDateTime).ToList();
        var select = request.Query["$select"].ToString();
        var body = new JsonObject { ["@odata.context"] = MessageJson.Context(user, select, entity: false) };
        if (skip + top < messages.Count)
        {
            var query = string.Join('&', request.Query.Where(pair => pair.Key != "$skip").Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value.ToString())}"));
            body["@odata.nextLink"] = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{query}{(query.Length == 0 ? "" : "&")}$skip={skip + top}";
        }
        var bodyType = PreferredBody(request);
        body["value"] = new JsonArray(messages.Skip(skip).Take(top).Select(message => (JsonNode)MessageJson.Project(message, select, request.Query["$expand"], bodyType: bodyType)).ToArray());
        return Results.Json(body);
    }

    private static async Task GetMimeAsync(string user, string id, HttpContext http, MailStore mailboxes)
    {
        if (mailboxes.Find(user)?.Find(id) is not { } message)
        {
            await NotFound().ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "message/rfc822";
        await MimeWriter.ToMime(message).WriteToAsync(http.Response.Body, http.RequestAborted);
    }

    /// <summary>
    /// One attachment of the list (learn.microsoft.com graph/api/message-list-attachments): a fileAttachment with its
    /// contentId, or an itemAttachment for an attached message. The file's contentBytes are left out: the emulator
    /// keeps no attachment content, and the product asks only for the metadata.
    /// </summary>
    private static Dictionary<string, object?> AttachmentJson(Attachment attachment, DateTimeOffset stored)
    {
        var json = new Dictionary<string, object?>
        {
            ["@odata.type"] = attachment.IsItem ? "#microsoft.graph.itemAttachment" : "#microsoft.graph.fileAttachment",
            ["id"] = attachment.Id,
            ["lastModifiedDateTime"] = stored.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["name"] = attachment.Name,
            ["contentType"] = attachment.ContentType,
            ["size"] = attachment.Size,
            ["isInline"] = attachment.IsInline,
        };
        if (!attachment.IsItem)
        {
            json["contentId"] = attachment.ContentId;
        }
        return json;
    }

    /// <summary>The body format the Prefer header asks for, acknowledged in Preference-Applied as Graph does.</summary>
    public static string? PreferredBody(HttpRequest request)
    {
        var preferred = BodyFormat.Preferred(request.Headers["Prefer"].ToString());
        if (preferred is not null)
        {
            request.HttpContext.Response.Headers[BodyFormat.PreferenceAppliedHeader] = BodyFormat.Applied(preferred);
        }
        return preferred;
    }

    public static IResult NotFound() =>
        GraphErrors.Error(StatusCodes.Status404NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");
}
