using OutlookCrm.GraphEmulator.Mail;

namespace OutlookCrm.GraphEmulator.Endpoints;

/// <summary>How the Outlook client a mailbox's owner "sends" with through the control API behaves (see <see cref="ClassicForwards"/>).</summary>
public static class ClientEndpoints
{
    /// <summary><c>classicForwards</c>: that mailbox's forwards sent with <c>forwardOf</c> carry the parent's custom properties, as classic Outlook's do.</summary>
    public sealed record ClientRequest(bool? ClassicForwards);

    public static RouteGroupBuilder MapClients(this RouteGroupBuilder control)
    {
        control.MapPost("/mailboxes/{address}/outlook-client", (string address, ClientRequest request, MailStore mailboxes, ClassicForwards forwards) =>
        {
            if (mailboxes.FindByAddress(address) is not { } mailbox)
            {
                return Results.Problem(statusCode: 404, title: "No such mailbox in the emulator");
            }
            if (request.ClassicForwards is not { } classic)
            {
                return Results.Problem(statusCode: 400, title: "classicForwards is required");
            }
            forwards.Switch(mailbox, classic);
            return Results.NoContent();
        });
        return control;
    }
}
