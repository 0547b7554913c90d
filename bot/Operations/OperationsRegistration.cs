using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Telemetry;
using ChatAssistant.Conversation;
using ChatAssistant.Storage;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatAssistant.Operations;

/// <summary>
/// Metrics, traces, the <c>/metrics</c> scrape endpoint, the daily tally behind the dashboard, the dashboard's API and
/// the admins' daily summary (docs/OPERATIONS.md).
/// </summary>
public static class OperationsRegistration
{
    /// <summary>Where Prometheus scrapes.</summary>
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<TelemetryOptions, TelemetryOptionsValidator>(TelemetryOptions.Section);
        services.AddSettings<MetricsOptions, MetricsOptionsValidator>(MetricsOptions.Section);
        services.AddSettings<OperationsOptions, OperationsOptionsValidator>(OperationsOptions.Section);
        services.AddSingleton<MetricsAccess>();
        services.AddRecordStore<IDailyCountStore, LiteDb.LiteDailyCountStore, Postgres.PostgresDailyCountStore>();
        services.AddSingleton<IRecordsTableCopy>(Postgres.PostgresDailyCountStore.Copy());
        services.AddSingleton<DailyTally>();
        services.AddSingleton<ITurnOutcomeListener, DailyTallyListener>();
        services.AddHostedService<DailyTallyFlushService>();
        services.AddSingleton<DashboardReport>();
        services.AddSingleton<DailySummary>();
        services.AddHostedService(sp => sp.GetRequiredService<DailySummary>());

        // Decides the registrations themselves, so it is read from configuration here (validated at start with the rest).
        var telemetry = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!telemetry.Enabled) return services;
        var otlp = Uri.TryCreate(telemetry.Endpoint, UriKind.Absolute, out var endpoint) ? endpoint : null;
        var protocol = telemetry.Protocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var usesRedis = !string.IsNullOrWhiteSpace(configuration[RedisOptions.Section + ":" + nameof(RedisOptions.Configuration)]);

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(telemetry.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AssistantTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    // Scrapes are rare (every 15–60 s): each one reads the counters as they are, no cached answer.
                    .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp is not null) metrics.AddOtlpExporter(o => { o.Endpoint = otlp; o.Protocol = protocol; });
            });
        if (!telemetry.Tracing) return services;
        otel.WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(telemetry.TraceSampleRatio)))
                    .AddSource(AssistantTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath) && !http.Request.Path.StartsWithSegments("/healthz");
                        // WeChat's callback carries the sender's OpenID in its query, the door screen its key: no query,
                        // no user agent on any span.
                        o.EnrichWithHttpRequest = (span, _) =>
                        {
                            span.SetTag("url.query", null);
                            span.SetTag("user_agent.original", null);
                        };
                    })
                    .AddHttpClientInstrumentation(o =>
                    {
                        // The WeChat API takes its access token in the query.
                        o.EnrichWithHttpRequestMessage = (span, request) =>
                        {
                            if (request.RequestUri is { } uri) span.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
                        };
                    });
                // Command names only (never keys, which hold OpenIDs), handed over within a second.
                if (usesRedis) tracing.AddRedisInstrumentation(o => { o.FlushInterval = TimeSpan.FromSeconds(1); o.EnrichActivityWithTimingEvents = false; });
                if (otlp is not null) tracing.AddOtlpExporter(o => { o.Endpoint = otlp; o.Protocol = protocol; });
            });
        return services;
    }

    /// <summary>
    /// <c>/metrics</c> (only with telemetry on), for clients <see cref="MetricsAccess"/> allows; 403 for anyone else.
    /// Must come after <c>UseForwardedHeaders</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDashboard();
        var telemetry = endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value;
        if (!telemetry.Enabled) return endpoints;
        var access = endpoints.ServiceProvider.GetRequiredService<MetricsAccess>();
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).Add(endpoint =>
        {
            var scrape = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = http =>
            {
                if (access.Allows(http.Connection.RemoteIpAddress)) return scrape(http);
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return endpoints;
    }
}
