using Microsoft.AspNetCore.Http.Features;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Hosting.Api;

/// <summary>
/// JSON request bodies are capped at 1 MB (the pane's largest, a template or a logged email, is tens of KB): past it,
/// 413 problem details naming <c>body</c>, before any of it is buffered or parsed. A declared length is refused at once;
/// a chunked body is cut off by Kestrel's own per-request limit, or, on a server without one (the test server), by a
/// counting stream. Other bodies (file uploads, the webhook) are read by their endpoints through bounded readers with
/// their own caps; a JSON binder refuses any other content type without reading it (415).
/// </summary>
public sealed class JsonBodyLimit(RequestDelegate next)
{
    public const long MaxBytes = 1_048_576;

    public Task InvokeAsync(HttpContext http)
    {
        if (!IsJson(http.Request.ContentType) || http.GetEndpoint()?.Metadata.GetMetadata<OwnBodyLimit>() is not null)
        {
            return next(http);
        }
        if (http.Request.ContentLength > MaxBytes)
        {
            return Problems.TooLarge("body", $"A JSON body may be at most {MaxBytes / 1024 / 1024} MB.").ExecuteAsync(http);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = MaxBytes;
        }
        else
        {
            http.Request.Body = new CappedBody(http.Request.Body, MaxBytes);
        }
        return next(http);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().EndsWith("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads through to the body and fails, as Kestrel does, once more than the cap has come.</summary>
    private sealed class CappedBody(Stream inner, long cap) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > cap ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge) : read;
        }
    }
}
