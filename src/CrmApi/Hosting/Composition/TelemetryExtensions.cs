using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.Platform.Telemetry;

namespace OutlookCrm.CrmApi.Hosting.Composition;

/// <summary>
/// OpenTelemetry, on with <c>Telemetry:Enabled</c> (docs/deploy.md): the app's meter and activity source
/// (<see cref="CrmTelemetry"/>), ASP.NET Core's request metrics and spans, OTLP export configured by the standard
/// <c>OTEL_*</c> settings, and the Prometheus scrape endpoint with <c>Telemetry:Prometheus</c>.
/// </summary>
public static class TelemetryExtensions
{
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddSingleton(options);
        if (!options.Enabled)
        {
            return builder;
        }
        // OTLP only when an endpoint is named: otherwise the exporter would try localhost:4317 for ever.
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddHostedService<InboxLevelsSampler>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? CrmTelemetry.Name))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CrmTelemetry.Name).AddAspNetCoreInstrumentation();
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithTracing(tracing =>
            {
                // Request spans carry the route template and status; the emulator's routes (addresses in the path) are not traced.
                tracing.AddSource(CrmTelemetry.Name)
                    .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = http => !http.Request.Path.StartsWithSegments("/_emulator", StringComparison.Ordinal));
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        return builder;
    }

    /// <summary>The scrape endpoint, before sign-in: a peer outside the allowed networks finds nothing there (404).</summary>
    public static WebApplication UseTelemetryScraping(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (options is { Enabled: true, Prometheus: true })
        {
            var allowed = options.AllowedNetworks();
            app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
                http.Request.Path == TelemetryOptions.MetricsPath && TelemetryOptions.MayScrape(http.Connection.RemoteIpAddress, allowed));
        }
        return app;
    }
}
