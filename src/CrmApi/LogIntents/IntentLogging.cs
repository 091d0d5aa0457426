using System.Text.Json;
using OutlookCrm.CrmApi.Emails;
using OutlookCrm.CrmApi.Graph;
using OutlookCrm.CrmApi.Mailboxes;

namespace OutlookCrm.CrmApi.LogIntents;

/// <summary>
/// The first logging rule: a sent message whose tracking id matches a log intent is logged once, to every record of the
/// intent. The tracking id is read from the add-in's custom property on the item, else from the
/// <c>x-outlookcrm-tracking</c> header of the raw message (the Sent Items copy does not list custom headers in
/// <c>internetMessageHeaders</c>); <c>loggedBecause</c> records which one matched. The other rules are the next issue's.
/// </summary>
public sealed class IntentLogging(LogIntentStore intents, EmailWriter writer, TimeProvider clock)
{
    public const string TrackingHeader = "x-outlookcrm-tracking";

    public async Task<string> HandleAsync(
        ConnectedMailbox mailbox, string folder, FetchedMessage message,
        Func<CancellationToken, Task<IReadOnlyList<KeyValuePair<string, string>>?>> mimeHeaders, CancellationToken ct)
    {
        if (folder != WatchedFolders.SentItems)
        {
            return "received mail: no rule logs it yet";
        }
        if (message.IsDraft || message.InternetMessageId.Length == 0)
        {
            return "draft: not sent";
        }
        var (trackingId, method) = FromCustomProperties(message.AddinCustomProperties) is { } fromProperty
            ? (fromProperty, "custom property")
            : (FromHeaders(await mimeHeaders(ct)), "MIME header");
        if (trackingId is null)
        {
            return "no tracking id";
        }
        var intent = await intents.GetAsync(mailbox.AccountId, trackingId, ct);
        if (intent is null)
        {
            return "no log intent for its tracking id";
        }
        if (intent.ExpiresAt < clock.GetUtcNow())
        {
            return "log intent expired";
        }
        if (!intent.DoLog)
        {
            return "log intent says: do not log";
        }
        var email = new NewEmail(
            mailbox.AccountId,
            message.InternetMessageId,
            message.ConversationId,
            intent.ComposeType switch { ComposeTypes.Reply => EmailKinds.Reply, ComposeTypes.Forward => EmailKinds.Forward, _ => EmailKinds.Email },
            EmailDirections.Outgoing,
            message.Subject,
            message.From,
            message.To,
            message.Cc,
            message.Bcc,
            message.SentAt,
            message.BodyHtml,
            $"intent {trackingId} ({method})",
            intent.Records);
        var result = await writer.WriteAsync(email, ct);
        if (result is WriteEmailResult.UnknownRecords unknown)
        {
            // Records deleted since the intent was made: log to those that remain.
            result = await writer.WriteAsync(email with { RecordIds = intent.Records.Except(unknown.RecordIds).ToList() }, ct);
        }
        switch (result)
        {
            case WriteEmailResult.Logged logged:
                await intents.SetEmailAsync(mailbox.AccountId, trackingId, logged.EmailId, ct);
                return $"logged: intent {trackingId} ({method})";
            case WriteEmailResult.AlreadyLogged already:
                await intents.SetEmailAsync(mailbox.AccountId, trackingId, already.EmailId, ct);
                return "already logged";
            default:
                return "the intent's records no longer exist";
        }
    }

    private static string? FromCustomProperties(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("trackingId", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FromHeaders(IReadOnlyList<KeyValuePair<string, string>>? headers) =>
        headers?.FirstOrDefault(header => header.Key.Equals(TrackingHeader, StringComparison.OrdinalIgnoreCase)).Value?.Trim() is { Length: > 0 } value ? value : null;
}
