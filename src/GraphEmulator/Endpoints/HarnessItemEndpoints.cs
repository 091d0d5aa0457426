using OutlookCrm.GraphEmulator.Mail;

namespace OutlookCrm.GraphEmulator.Endpoints;

/// <summary>
/// What the Outlook harness shows when the pane opens a message in Outlook's own form (issue 20): the item a mailbox holds,
/// by the id Office hands <c>displayMessageForm</c> — an EWS id, which <c>convertToEwsId</c> makes from a REST id
/// (learn.microsoft.com/javascript/api/outlook/office.mailbox: "displayMessageForm(itemId)", "convertToEwsId"); EWS ids
/// are standard base64 where REST ids are URL-safe, so either form finds it here. In a shared or team mailbox Outlook
/// shows the item as that mailbox's (learn.microsoft.com/office/dev/add-ins/outlook/delegate-access: shared folders and
/// shared mailboxes), so the harness's reply goes from it with the original's Message-ID in In-Reply-To and References.
/// </summary>
public static class HarnessItemEndpoints
{
    /// <summary><c>mailbox</c>: the address of the mailbox that holds the item, what Outlook's form shows it in.</summary>
    public sealed record HarnessItem(
        string Mailbox, string Id, string InternetMessageId, string ConversationId, string Subject, string From, IReadOnlyList<string> To, IReadOnlyList<string> Cc,
        string? References);

    public static RouteGroupBuilder MapHarnessItems(this RouteGroupBuilder control)
    {
        // An EWS id names its mailbox, so Outlook needs no address to open it; the emulator looks in every mailbox.
        control.MapGet("/items", (string? id, MailStore mailboxes) =>
        {
            var restId = RestIdFormats.Immutable((id ?? "").Replace('+', '-').Replace('/', '_'));
            foreach (var mailbox in mailboxes.All)
            {
                if (mailbox.Find(restId) is { } message)
                {
                    return Results.Json(new HarnessItem(mailbox.Address, message.Id, message.InternetMessageId, message.ConversationId, message.Subject, message.From.Address,
                        message.To.Select(to => to.Address).ToList(), message.Cc.Select(cc => cc.Address).ToList(), message.References));
                }
            }
            return Results.Problem(statusCode: 404, title: "No mailbox holds this item");
        });
        return control;
    }
}
