using System.Diagnostics;

namespace OutlookCrm.CrmApi.Platform.Telemetry;

/// <summary>
/// A W3C <c>traceparent</c> kept with queued work, so the span of whoever picks it up later (another instance, minutes
/// later) continues the trace of whoever queued it.
/// </summary>
public static class TraceParents
{
    /// <summary>The current span's traceparent, or null when nothing traces.</summary>
    public static string? Current() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;

    /// <summary>A span for queued work, a child of the span that queued it when its traceparent was kept.</summary>
    public static Activity? StartContinuing(string name, string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent)
            ? CrmTelemetry.Source.StartActivity(name, ActivityKind.Consumer, parent)
            : CrmTelemetry.Source.StartActivity(name, ActivityKind.Consumer);
}
