using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OutlookCrm.CrmApi.Platform.Telemetry;

/// <summary>
/// The app's own signals for the operations team's tools (OpenTelemetry reads them when <c>Telemetry:Enabled</c>; when
/// it is off nothing listens and each call costs next to nothing). No tag or span attribute names a person: mailbox
/// and account ids at most, on spans; metrics carry no ids at all, so a scrape shows no tenant's numbers and the series
/// stay few whatever the number of mailboxes.
/// </summary>
public static class CrmTelemetry
{
    public const string Name = "OutlookCrm";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> NotificationsReceived = Meter.CreateCounter<long>(
        "outlookcrm.notifications.received", "{notification}", "Graph change notifications taken into the inbox");

    public static readonly Counter<long> EmailsLogged = Meter.CreateCounter<long>(
        "outlookcrm.emails.logged", "{email}", "Emails logged from connected mailboxes");

    public static readonly Histogram<double> Lag = Meter.CreateHistogram<double>(
        "outlookcrm.ingestion.lag", "s", "Time from a notification's arrival to its message being processed",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 15, 60, 300, 900, 3600, 14400] });

    public static readonly Counter<long> GraphCalls = Meter.CreateCounter<long>(
        "outlookcrm.graph.calls", "{request}", "Requests sent to Microsoft Graph, by status code");

    public static readonly Counter<long> GraphThrottled = Meter.CreateCounter<long>(
        "outlookcrm.graph.throttled", "{request}", "Graph requests answered 429 Too Many Requests");

    /// <summary>The inbox's levels as last sampled (<see cref="InboxLevels"/>): what the gauges report, read without a query.</summary>
    public static readonly InboxLevels Levels = new();

    static CrmTelemetry()
    {
        Meter.CreateObservableGauge("outlookcrm.inbox.backlog", () => Levels.Backlog, "{notification}", "Notifications pending or being processed, all accounts");
        Meter.CreateObservableGauge("outlookcrm.inbox.dead_letters", () => Levels.DeadLetters, "{notification}", "Notifications that failed too often, all accounts");
    }
}

/// <summary>The backlog and dead letters as last counted: a sampler refreshes them, the gauges only read them.</summary>
public sealed class InboxLevels
{
    private long _backlog;
    private long _deadLetters;

    public long Backlog => Volatile.Read(ref _backlog);

    public long DeadLetters => Volatile.Read(ref _deadLetters);

    public void Set(long backlog, long deadLetters)
    {
        Volatile.Write(ref _backlog, backlog);
        Volatile.Write(ref _deadLetters, deadLetters);
    }
}
