namespace ChatAssistant.Operations;

/// <summary>
/// Metrics and traces (OpenTelemetry): on by default, with the Prometheus scrape endpoint <c>/metrics</c>; exported over
/// OTLP as well when <see cref="Endpoint"/> is set. Off (<c>OpenTelemetry:Enabled=false</c>) nothing listens to the
/// assistant's meter or spans and <c>/metrics</c> is not mapped (docs/OPERATIONS.md).
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "OpenTelemetry";

    /// <summary>Metrics, traces and <c>/metrics</c> at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Traces (spans) as well as metrics; off leaves the metrics and <c>/metrics</c> on.</summary>
    public bool Tracing { get; set; } = true;

    /// <summary>
    /// The share of messages whose trace is recorded (0–1), unless the caller's <c>traceparent</c> says it is sampled:
    /// every span costs CPU on the chat path (docs/PERFORMANCE.md), a share of them tells as much.
    /// </summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>OTLP collector, e.g. <c>http://127.0.0.1:4317</c>; unset: nothing is pushed.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>The <c>service.name</c> the metrics and traces carry.</summary>
    public string ServiceName { get; set; } = "chatassistant";
}
