using System.Collections;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using OpenTelemetry.Trace;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Overview;
using OutlookCrm.CrmApi.Platform.Telemetry;

namespace OutlookCrm.CrmApi.IntegrationTests.Telemetry;

/// <summary>
/// OpenTelemetry as the operations team reads it: the Prometheus scrape after a message flows (over real HTTP), no
/// scrape endpoint when it is off, and one trace from the webhook through the worker and Graph to the stored email.
/// </summary>
public class TelemetryTests
{
    /// <summary>Telemetry on, every span of the app's source kept in memory.</summary>
    private sealed class TracingFactory : CrmApiFactory
    {
        public SpanList Spans { get; } = new();

        protected override IEnumerable<(string Key, string Value)> Settings => [("Telemetry:Enabled", "true")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
        }
    }

    /// <summary>Spans end on many threads at once: the exporter's collection takes a lock.</summary>
    private sealed class SpanList : ICollection<Activity>
    {
        private readonly List<Activity> _spans = [];

        public int Count { get { lock (_spans) { return _spans.Count; } } }

        public bool IsReadOnly => false;

        public void Add(Activity item) { lock (_spans) { _spans.Add(item); } }

        public List<Activity> Snapshot() { lock (_spans) { return [.. _spans]; } }

        public void Clear() { lock (_spans) { _spans.Clear(); } }

        public bool Contains(Activity item) { lock (_spans) { return _spans.Contains(item); } }

        public void CopyTo(Activity[] array, int arrayIndex) { lock (_spans) { _spans.CopyTo(array, arrayIndex); } }

        public bool Remove(Activity item) { lock (_spans) { return _spans.Remove(item); } }

        public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static async Task SendLoggedAsync(CrmApiFactory factory, ConnectedRep connected, string trackingId)
    {
        var contact = await connected.Rep.CreateAsync("contact", new { name = "Megan", emails = new[] { new { address = "megan@fabrikam.com", primary = true } } });
        await connected.IntentAsync(trackingId, [contact]);
        await connected.SendAsync(trackingId, "Traced");
        await Emulator.EventuallyAsync(async () => await factory.CountRowsAsync("emails", connected.Rep.AccountId) == 1, "the email logged");
    }

    [Fact]
    public async Task PrometheusOn_MessageFlows_ScrapeShowsTheCounters()
    {
        await using var factory = new SettingsFactory(("Telemetry:Enabled", "true"), ("Telemetry:Prometheus", "true"));
        await factory.InitializeAsync();
        var connected = await ConnectedRep.CreateAsync(factory);
        await connected.FirstSyncDoneAsync();

        await SendLoggedAsync(factory, connected, "t-metrics");

        using var scraper = factory.CreateClient();
        string? scraped = null;
        await Emulator.EventuallyAsync(async () =>
        {
            using var reply = await scraper.GetAsync(new Uri(TelemetryOptions.MetricsPath, UriKind.Relative));
            scraped = await reply.Content.ReadAsStringAsync();
            // The lag is recorded after the inbox row is marked done, a moment after the email is logged: wait for both.
            return reply.StatusCode == HttpStatusCode.OK && scraped.Contains("outlookcrm_emails_logged", StringComparison.Ordinal)
                && scraped.Contains("outlookcrm_ingestion_lag", StringComparison.Ordinal);
        }, () => $"the emails-logged counter and the ingestion lag in the scrape: {scraped}");
        Assert.Contains("outlookcrm_notifications_received", scraped, StringComparison.Ordinal);
        Assert.Contains("outlookcrm_graph_calls", scraped, StringComparison.Ordinal);
        Assert.Contains("outlookcrm_ingestion_lag", scraped, StringComparison.Ordinal);
        Assert.Contains("outlookcrm_inbox_backlog", scraped, StringComparison.Ordinal);
        Assert.Contains("outlookcrm_inbox_dead_letters", scraped, StringComparison.Ordinal);
        // No address and no tenant: a scrape names no one.
        Assert.DoesNotContain(connected.Address, scraped, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(connected.Rep.AccountId.ToString(), scraped, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TelemetryOff_MetricsIs404()
    {
        await using var factory = new CrmApiFactory();
        await factory.InitializeAsync();
        using var anonymous = factory.CreateClient();

        using var reply = await anonymous.GetAsync(new Uri(TelemetryOptions.MetricsPath, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
    }

    [Fact]
    public async Task WebhookThenWorkerThenGraphThenStore_SpansShareOneTraceId()
    {
        await using var factory = new TracingFactory();
        await factory.InitializeAsync();
        var connected = await ConnectedRep.CreateAsync(factory);
        await connected.FirstSyncDoneAsync();

        await SendLoggedAsync(factory, connected, "t-traced");

        // The worker's span of this mailbox's notification, and the spans of the same trace.
        List<Activity> trace = [];
        await Emulator.EventuallyAsync(() =>
        {
            var spans = factory.Spans.Snapshot();
            var processed = spans.Where(span => span.OperationName == "inbox.process" && Equals(span.GetTagItem("outlookcrm.mailbox.id"), connected.MailboxId));
            trace = processed.Select(span => spans.Where(other => other.TraceId == span.TraceId).ToList())
                .FirstOrDefault(candidate => candidate.Any(span => span.OperationName == "webhook.accept") && candidate.Any(span => span.OperationName == "email.store")) ?? [];
            return Task.FromResult(trace.Count > 0);
        }, "one trace from the webhook to the stored email");
        Assert.Contains(trace, span => span.OperationName == "graph.request" && span.Kind == ActivityKind.Client);
        var accepted = trace.Single(span => span.OperationName == "webhook.accept");
        var processing = trace.Single(span => span.OperationName == "inbox.process");
        Assert.Equal(accepted.SpanId, processing.ParentSpanId);
        // Ids, methods and statuses only: no span names the mailbox's address.
        Assert.DoesNotContain(trace.SelectMany(span => span.TagObjects), tag => tag.Value?.ToString()?.Contains(connected.Address, StringComparison.OrdinalIgnoreCase) == true);
    }
}
