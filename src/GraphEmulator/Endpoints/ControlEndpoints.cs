using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using MimeKit;
using OutlookCrm.GraphEmulator.Faults;
using OutlookCrm.GraphEmulator.Mail;
using OutlookCrm.GraphEmulator.Subscriptions;
using Header = OutlookCrm.GraphEmulator.Mail.Header;

namespace OutlookCrm.GraphEmulator.Endpoints;

/// <summary>The control API tests and demos drive the emulator with (DESIGN.md §4, "Graph emulator control API").</summary>
public static class ControlEndpoints
{
    /// <summary>
    /// <c>id</c>: the user's directory object id (Graph's <c>/users/{id}</c>), the oid of that user's tokens; random when
    /// left out. <c>userPrincipalName</c>: when it differs from the SMTP address; <c>aliases</c>: more addresses mail lands at.
    /// </summary>
    public sealed record MailboxRequest(string? Address, string? DisplayName, string? Id = null, string? UserPrincipalName = null, List<string>? Aliases = null);

    public sealed record SendRequest(
        List<string>? To, List<string>? Cc, List<string>? Bcc, string? Subject, string? BodyHtml,
        Dictionary<string, string>? InternetHeaders, Dictionary<string, string>? CustomProperties, string? InReplyTo, string? References, string? Sender = null,
        List<AttachmentRequest>? Attachments = null, string? ForwardOf = null);

    public sealed record AttachmentRequest(string? Name, string? ContentType, int? Size);

    public sealed record DeliverRequest(
        string? From, List<string>? To, List<string>? Cc, string? Subject, string? BodyHtml, Dictionary<string, string>? InternetHeaders, string? InReplyTo, string? References);

    public sealed record LifecycleRequest(string? Event);

    /// <summary><c>status</c>: what an expired delta token is answered with, 410 (the default) or 400 (see DeltaEndpoints).</summary>
    public sealed record ExpireDeltaRequest(int? Status);

    public sealed record SentMessage(string Id, string InternetMessageId, string ConversationId);

    private static readonly string[] LifecycleEvents = ["missed", "subscriptionRemoved", "reauthorizationRequired"];

    public static RouteGroupBuilder MapControl(this RouteGroupBuilder control)
    {
        control.MapPost("/mailboxes", (MailboxRequest request, MailStore mailboxes) =>
            string.IsNullOrWhiteSpace(request.Address) || !request.Address.Contains('@', StringComparison.Ordinal)
                ? Results.Problem(statusCode: 400, title: "address is required")
                : Results.Json(Describe(mailboxes.AddOrGet(request.Address, request.DisplayName, request.Id, request.UserPrincipalName, request.Aliases)), statusCode: StatusCodes.Status201Created));
        control.MapPost("/mailboxes/{address}/send", Send);
        control.MapPost("/mailboxes/{address}/deliver", Deliver);
        control.MapPost("/mailboxes/{address}/deliver-mime", DeliverMimeAsync);
        control.MapPost("/mailboxes/{address}/expire-delta", ExpireDelta);
        control.MapPost("/faults", (FaultRequest request, FaultState faults) =>
        {
            faults.Apply(request);
            return Results.NoContent();
        });
        control.MapDelete("/faults", (FaultState faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        control.MapPost("/subscriptions/{id}/lifecycle", Lifecycle);
        // A subscription that ran out (its app was down past its expiry): Graph forgets it and stops notifying.
        control.MapPost("/subscriptions/{id}/expire", (string id, SubscriptionStore store) => store.Expire(id) ? Results.NoContent() : Results.NotFound());
        control.MapGet("/stats", (EmulatorStats stats) => Results.Json(stats.Snapshot()));
        control.MapWebhookRules();
        control.MapPost("/throttling", ThrottlingEndpoints.Apply);
        control.MapDelete("/throttling", ThrottlingEndpoints.Clear);
        control.MapGet("/throttling", ThrottlingEndpoints.Get);
        control.MapClients();
        control.MapHarnessItems();
        return control;
    }

    private static IResult ExpireDelta(string address, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ExpireDeltaRequest? request, MailStore mailboxes)
    {
        var status = request?.Status ?? StatusCodes.Status410Gone;
        if (status is not (StatusCodes.Status410Gone or StatusCodes.Status400BadRequest))
        {
            return Results.Problem(statusCode: 400, title: "status is 410 or 400");
        }
        mailboxes.FindByAddress(address)?.ExpireDeltaTokens(status);
        return Results.NoContent();
    }

    private static object Describe(EmulatedMailbox mailbox) => new { id = mailbox.Id, address = mailbox.Address, displayName = mailbox.DisplayName, userPrincipalName = mailbox.UserPrincipalName, aliases = mailbox.Aliases };

    private static IResult Send(string address, SendRequest request, MailStore mailboxes, MailService mail, ClassicForwards forwards)
    {
        if (mailboxes.FindByAddress(address) is not { } sender)
        {
            return Results.Problem(statusCode: 404, title: "No such mailbox in the emulator");
        }
        var outgoing = new Outgoing(
            new EmailAddress(sender.Address, sender.DisplayName), Addresses(request.To), Addresses(request.Cc), Addresses(request.Bcc),
            request.Subject ?? "", request.BodyHtml ?? "", Headers(request.InternetHeaders), request.InReplyTo, request.References,
            Sender: request.Sender is null ? null : new EmailAddress(request.Sender, null),
            Attachments: request.Attachments?.Select(attachment => new Attachment(
                MimeAttachments.NewId(), attachment.Name ?? "file", attachment.ContentType ?? "application/octet-stream", attachment.Size ?? 0, false)).ToList());
        var sent = mail.Send(sender, outgoing, forwards.SentCopyProperties(sender, request.ForwardOf, request.CustomProperties));
        return Results.Json(new SentMessage(sent.Id, sent.InternetMessageId, sent.ConversationId), statusCode: StatusCodes.Status201Created);
    }

    private static IResult Deliver(string address, DeliverRequest request, MailStore mailboxes, MailService mail)
    {
        if (mailboxes.FindByAddress(address) is not { } recipient || string.IsNullOrWhiteSpace(request.From))
        {
            return Results.Problem(statusCode: 404, title: "No such mailbox in the emulator, or no sender");
        }
        var outgoing = new Outgoing(
            new EmailAddress(request.From, null), request.To is null ? [new EmailAddress(recipient.Address, recipient.DisplayName)] : Addresses(request.To),
            Addresses(request.Cc), [], request.Subject ?? "", request.BodyHtml ?? "", Headers(request.InternetHeaders), request.InReplyTo, request.References);
        var received = mail.Deliver(recipient, outgoing);
        return Results.Json(new SentMessage(received.Id, received.InternetMessageId, received.ConversationId), statusCode: StatusCodes.Status201Created);
    }

    /// <summary>A raw email from outside (message/rfc822), parsed with MimeKit.</summary>
    private static async Task<IResult> DeliverMimeAsync(string address, HttpRequest request, MailStore mailboxes, MailService mail, CancellationToken ct)
    {
        if (mailboxes.FindByAddress(address) is not { } recipient)
        {
            return Results.Problem(statusCode: 404, title: "No such mailbox in the emulator");
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        MimeMessage mime;
        HeaderList headers;
        try
        {
            mime = await MimeMessage.LoadAsync(buffer, ct);
            // The header block as it came, every field in order: MimeKit moves Content-* fields to the body's list.
            buffer.Position = 0;
            headers = await HeaderList.LoadAsync(buffer, ct);
        }
        catch (FormatException unreadable)
        {
            // Exchange would refuse such a message at the door; the emulator says why instead of failing with a 500.
            return Results.Problem(statusCode: 400, title: "Not a message MimeKit can read (RFC 5322)", detail: unreadable.Message);
        }
        if (RawMessage.Read(mime, headers) is not { } outgoing)
        {
            return Results.Problem(statusCode: 400, title: "The message has no From");
        }
        var received = mail.Deliver(recipient, outgoing);
        return Results.Json(new SentMessage(received.Id, received.InternetMessageId, received.ConversationId), statusCode: StatusCodes.Status201Created);
    }

    private static IResult Lifecycle(string id, LifecycleRequest request, SubscriptionStore subscriptions, NotificationDispatcher dispatcher)
    {
        if (request.Event is not { } lifecycleEvent || !LifecycleEvents.Contains(lifecycleEvent))
        {
            return Results.Problem(statusCode: 400, title: $"event is one of {string.Join(", ", LifecycleEvents)}");
        }
        if (subscriptions.Find(id) is not { } subscription)
        {
            return Results.Problem(statusCode: 404, title: "No such subscription");
        }
        if (lifecycleEvent == "subscriptionRemoved")
        {
            subscriptions.Remove(id);
        }
        dispatcher.NotifyLifecycle(subscription, lifecycleEvent);
        return Results.Accepted();
    }

    private static List<EmailAddress> Addresses(List<string>? addresses) =>
        addresses?.Where(address => !string.IsNullOrWhiteSpace(address)).Select(address => new EmailAddress(address.Trim(), null)).ToList() ?? [];

    private static List<Header> Headers(Dictionary<string, string>? headers) =>
        headers?.Select(header => new Header(header.Key, header.Value)).ToList() ?? [];
}
