using System.Diagnostics;
using OutlookCrm.CrmApi.Platform.Telemetry;

namespace OutlookCrm.CrmApi.MailboxSync.Graph;

/// <summary>
/// Every request to Graph counted by status code (429s on their own as well) and traced as a client span. The span
/// names the method and the status only: Graph's URLs carry the mailbox's address (<c>/users/{address}/...</c>), so
/// neither the URL nor the path is recorded (and the generic HTTP client instrumentation, which would, is not used).
/// </summary>
public sealed class GraphCallTelemetry : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var activity = CrmTelemetry.Source.StartActivity("graph.request", ActivityKind.Client);
        activity?.SetTag("http.request.method", request.Method.Method);
        var response = await base.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        activity?.SetTag("http.response.status_code", status);
        if (status >= 400)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }
        CrmTelemetry.GraphCalls.Add(1, new KeyValuePair<string, object?>("http.response.status_code", status));
        if (status == StatusCodes.Status429TooManyRequests)
        {
            CrmTelemetry.GraphThrottled.Add(1);
        }
        return response;
    }
}
