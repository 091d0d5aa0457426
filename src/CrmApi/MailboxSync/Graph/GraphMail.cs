using System.Globalization;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using OutlookCrm.CrmApi.Platform.Html;
using Mailbox = OutlookCrm.CrmApi.Platform.Common.Mailbox;

namespace OutlookCrm.CrmApi.MailboxSync.Graph;

/// <summary>
/// <see cref="IGraphMail"/> on the real Microsoft.Graph SDK, pointed at Graph or the emulator by configuration, so the
/// production code path is the tested one. Immutable ids are asked for on every call (messages move between folders).
/// Subscriptions are in GraphMailSubscriptions.cs, users and mailbox probes in GraphMailUsers.cs.
/// </summary>
public sealed partial class GraphMail(GraphServiceClient graph, GraphOptions options, string notificationUrl, string lifecycleUrl) : IGraphMail
{
    private const string ImmutableIds = "IdType=\"ImmutableId\"";
    private const string BodyAsHtml = "outlook.body-content-type=\"html\"";
    private const string InReplyTo = "String 0x1042";
    private const string References = "String 0x1039";

    private static readonly HashSet<string> ExpiredDeltaCodes = new(["syncStateNotFound", "syncStateInvalid", "resyncRequired"], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] MessageFields =
    [
        "id", "internetMessageId", "conversationId", "subject", "body", "from", "sender", "toRecipients", "ccRecipients",
        "bccRecipients", "sentDateTime", "isDraft", "internetMessageHeaders", "hasAttachments",
    ];

    private string CustomPropertiesId => $"String {{00020329-0000-0000-C000-000000000046}} Name cecp-{options.AddinId.ToLowerInvariant()}";

    public async Task<FetchedMessage?> GetMessageAsync(string address, string messageId, CancellationToken ct)
    {
        var message = await OrNullWhenGoneAsync(() => graph.Users[address].Messages[messageId].GetAsync(request =>
        {
            request.QueryParameters.Select = MessageFields;
            request.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{InReplyTo}' or id eq '{References}' or id eq '{CustomPropertiesId}')"];
            request.Headers.Add("Prefer", ImmutableIds);
            // A text-only message's body comes as HTML (learn.microsoft.com graph/api/message-get, "Prefer:
            // outlook.body-content-type"); ToFetched still reads a text body safely if a server ignores the header.
            request.Headers.Add("Prefer", BodyAsHtml);
        }, ct));
        return message is null ? null : ToFetched(message);
    }

    public async Task<IReadOnlyList<KeyValuePair<string, string>>?> GetMimeHeadersAsync(string address, string messageId, CancellationToken ct)
    {
        var stream = await OrNullWhenGoneAsync(() => graph.Users[address].Messages[messageId].Content.GetAsync(
            request => request.Headers.Add("Prefer", ImmutableIds), ct));
        if (stream is null)
        {
            return null;
        }
        await using (stream)
        {
            return await MimeHeaders.ReadAsync(stream, ct);
        }
    }

    public async Task<IReadOnlyList<AttachmentInfo>> GetAttachmentsAsync(string address, string messageId, CancellationToken ct)
    {
        var page = await OrNullWhenGoneAsync(() => graph.Users[address].Messages[messageId].Attachments.GetAsync(request =>
        {
            request.QueryParameters.Select = ["id", "name", "contentType", "size", "isInline"];
            request.Headers.Add("Prefer", ImmutableIds);
        }, ct));
        return page?.Value?.Select(attachment => new AttachmentInfo(attachment.Name ?? "", attachment.ContentType ?? "", attachment.Size ?? 0, attachment.IsInline ?? false)).ToList() ?? [];
    }

    public async Task<DeltaPage> DeltaAsync(string address, string folder, string? link, CancellationToken ct)
    {
        var delta = graph.Users[address].MailFolders[folder].Messages.Delta;
        var builder = link is null ? delta : delta.WithUrl(link);
        try
        {
            var page = await CallAsync(() => builder.GetAsDeltaGetResponseAsync(request =>
            {
                request.QueryParameters.Select = ["id", "receivedDateTime"];
                request.Headers.Add("Prefer", ImmutableIds);
                request.Headers.Add("Prefer", "odata.maxpagesize=100");
            }, ct));
            var items = page?.Value?.Select(message => new DeltaItem(
                message.Id!, message.AdditionalData?.ContainsKey("@removed") == true, message.ReceivedDateTime)).ToList() ?? [];
            return new DeltaPage(items, page?.OdataNextLink, page?.OdataDeltaLink);
        }
        catch (ApiException error) when (IsExpiredDelta(error))
        {
            throw new DeltaExpiredException();
        }
    }

    private FetchedMessage ToFetched(Message message)
    {
        string? Property(string id) => message.SingleValueExtendedProperties?.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))?.Value;
        static List<Mailbox> Recipients(List<Recipient>? recipients) =>
            recipients?.Where(r => r.EmailAddress?.Address is not null).Select(r => new Mailbox(r.EmailAddress!.Address!, r.EmailAddress.Name)).ToList() ?? [];
        var from = message.From?.EmailAddress ?? message.Sender?.EmailAddress;
        var sender = message.Sender?.EmailAddress ?? from;
        return new FetchedMessage(
            message.Id!,
            message.InternetMessageId ?? "",
            message.ConversationId,
            message.Subject ?? "",
            message.Body?.ContentType == BodyType.Text ? EmailBodies.FromText(message.Body.Content ?? "") : message.Body?.Content ?? "",
            new Mailbox(from?.Address ?? "", from?.Name),
            new Mailbox(sender?.Address ?? "", sender?.Name),
            Recipients(message.ToRecipients),
            Recipients(message.CcRecipients),
            Recipients(message.BccRecipients),
            message.SentDateTime ?? DateTimeOffset.MinValue,
            message.IsDraft ?? false,
            Property(InReplyTo),
            Property(References),
            Property(CustomPropertiesId),
            message.InternetMessageHeaders?.Where(h => h.Name is not null).Select(h => new KeyValuePair<string, string>(h.Name!, h.Value ?? "")).ToList() ?? [],
            message.HasAttachments ?? false,
            MeetingMessage(message));
    }

    /// <summary>
    /// Meeting requests, cancellations and responses are <c>eventMessage</c>s, told apart by their <c>@odata.type</c>
    /// (learn.microsoft.com graph/api/resources/eventmessage), which the SDK turns into these types.
    /// </summary>
    private static string? MeetingMessage(Message message) => message switch
    {
        EventMessageRequest => "meeting request",
        EventMessageResponse => "meeting response",
        EventMessage => "meeting message",
        _ => null,
    };

    /// <summary>
    /// Graph says a delta token expired with 410 Gone for Outlook folders
    /// (github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/7897), with 400 Bad Request and the same
    /// <c>syncStateNotFound</c> for other resources (devblogs.microsoft.com/microsoft365dev/duration-of-change-tracking-tokens-for-identity-and-education-resources),
    /// and lists <c>resyncRequired</c> for it (learn.microsoft.com graph/errors): any 4xx naming one of those codes is an
    /// expiry, so the folder resyncs instead of dead-lettering the job.
    /// </summary>
    private static bool IsExpiredDelta(ApiException error) =>
        error.ResponseStatusCode == StatusCodes.Status410Gone
        || error is ODataError { ResponseStatusCode: >= 400 and < 500, Error.Code: { } code } && ExpiredDeltaCodes.Contains(code);

    private static async Task<T?> OrNullWhenGoneAsync<T>(Func<Task<T?>> call)
    {
        try
        {
            return await CallAsync(call);
        }
        catch (ApiException error) when (error.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            return default;
        }
    }

    /// <summary>429 and 503 become <see cref="GraphThrottledException"/> with Graph's Retry-After, for the worker to honour.</summary>
    private static async Task<T?> CallAsync<T>(Func<Task<T?>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException error) when (error.ResponseStatusCode is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            throw new GraphThrottledException(RetryAfter(error), error.ResponseStatusCode);
        }
    }

    private static TimeSpan RetryAfter(ApiException error)
    {
        var value = error.ResponseHeaders.FirstOrDefault(header => header.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(5);
    }
}
