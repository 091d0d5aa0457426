using System.Text.Json;
using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>
/// The pane's stamp on a message it composed: the tracking id of its log intent, as an add-in custom property and as an
/// internet header (DESIGN.md, "the tracking stamp"), and the review reason the send handler leaves when it let an
/// email go unchecked.
/// </summary>
public static class TrackingStamp
{
    public const string Header = "x-outlookcrm-tracking";

    public const string TrackingProperty = "trackingId";

    /// <summary>The add-in custom property the send handler sets when it let an email go unchecked.</summary>
    public const string ReviewProperty = "reviewReason";

    /// <summary>
    /// The custom property first; else, on the sender's own copy only, the raw MIME header (a colleague's Inbox copy carries
    /// the same header but is the same email, found by its Message-ID).
    /// </summary>
    public static async Task<(string? TrackingId, string Method)> FindAsync(
        FetchedMessage message, bool outgoing, Func<CancellationToken, Task<IReadOnlyList<KeyValuePair<string, string>>?>> mimeHeaders, CancellationToken ct)
    {
        if (CustomProperty(message.AddinCustomProperties, TrackingProperty) is { } fromProperty)
        {
            return (fromProperty, "custom property");
        }
        return outgoing ? (FromHeaders(await mimeHeaders(ct)), "MIME header") : (null, "");
    }

    public static string? ReviewReason(FetchedMessage message) => CustomProperty(message.AddinCustomProperties, ReviewProperty);

    public static string? CustomProperty(string? json, string name)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? FromHeaders(IReadOnlyList<KeyValuePair<string, string>>? headers) =>
        headers?.FirstOrDefault(header => header.Key.Equals(Header, StringComparison.OrdinalIgnoreCase)).Value?.Trim() is { Length: > 0 } value ? value : null;
}
