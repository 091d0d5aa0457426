using OutlookCrm.GraphEmulator.Mail;

namespace OutlookCrm.GraphEmulator.Endpoints;

/// <summary>
/// Graph's mail folder by well-known name (learn.microsoft.com graph/api/mailfolder-get): a call Mail.Read(Basic)
/// allows, so it proves the app may read a mailbox without any directory permission.
/// </summary>
public static class FolderEndpoints
{
    public static RouteGroupBuilder MapFolders(this RouteGroupBuilder graph)
    {
        foreach (var folder in MessageEndpoints.FolderSegments)
        {
            graph.MapGet($"/users/{{user}}/{folder}", Get);
        }
        return graph;
    }

    private static IResult Get(string user, string folder, MailStore mailboxes)
    {
        if (mailboxes.Find(user) is not { } mailbox || WellKnownFolders.Normalize(folder) is not { } name)
        {
            return MessageEndpoints.NotFound();
        }
        var count = mailbox.Messages(name).Count;
        return Results.Json(new
        {
            id = $"{mailbox.Id}-{name}",
            displayName = name switch { WellKnownFolders.Inbox => "Inbox", WellKnownFolders.SentItems => "Sent Items", _ => "Drafts" },
            totalItemCount = count,
            unreadItemCount = 0,
            childFolderCount = 0,
        });
    }
}
