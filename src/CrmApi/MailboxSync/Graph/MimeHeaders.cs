using MimeKit;

namespace OutlookCrm.CrmApi.MailboxSync.Graph;

/// <summary>The header block of a raw RFC 822 message as Graph's <c>$value</c> gives it; the body is never read.</summary>
public static class MimeHeaders
{
    /// <summary>The headers, or null when the stream does not start with a header block MimeKit can read.</summary>
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>?> ReadAsync(Stream stream, CancellationToken ct)
    {
        try
        {
            var headers = await HeaderList.LoadAsync(stream, ct);
            return headers.Select(header => new KeyValuePair<string, string>(header.Field, header.Value)).ToList();
        }
        catch (FormatException)
        {
            // MimeKit's ParseException: a message with no readable header block has no tracking header either.
            return null;
        }
    }
}
