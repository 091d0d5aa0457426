namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>Reading a raw request body without letting a client make the server buffer more than it allows.</summary>
public static class RequestBodies
{
    /// <summary>The body, or null when it is longer than the limit (whatever Content-Length claimed).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}

/// <summary>
/// Marks an endpoint that reads its body itself through <see cref="RequestBodies.ReadLimitedAsync"/>, with a cap of
/// its own (the webhook): the JSON body limit leaves it alone.
/// </summary>
public sealed class OwnBodyLimit;
