using System.Globalization;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace OutlookCrm.CrmApi.MailboxSync.Graph;

/// <summary>What the doctor asks Graph beyond <see cref="IGraphMail"/>: whether it takes the app's token, and its clock.</summary>
public interface IGraphDiagnostics
{
    /// <summary>
    /// <c>GET /subscriptions</c>, a call the product makes anyway (the keeper's reconcile), so a token Graph refuses fails
    /// here as it would there; answers Graph's <c>Date</c> header. Refusals throw as every other call does.
    /// </summary>
    Task<DateTimeOffset?> PingAsync(CancellationToken ct);
}

/// <summary>The app's Graph token provider per tenant, as <see cref="GraphMailFactory"/> uses it: the doctor asks for a token by itself.</summary>
public sealed record GraphTokens(Func<string, IAccessTokenProvider> ForTenant);

public sealed partial class GraphMail : IGraphDiagnostics
{
    public async Task<DateTimeOffset?> PingAsync(CancellationToken ct)
    {
        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        await CallAsync(() => graph.Subscriptions.GetAsync(request => request.Options.Add(headers), ct));
        return GraphDate.Of(headers.ResponseHeaders);
    }
}

/// <summary>Graph's <c>Date</c> response header (RFC 9110 IMF-fixdate), from a success or from an error's headers.</summary>
public static class GraphDate
{
    public static DateTimeOffset? Of(IDictionary<string, IEnumerable<string>> headers) =>
        headers.FirstOrDefault(header => header.Key.Equals("Date", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault() is { } value
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date : null;
}
