namespace ChatAssistant.Operations;

/// <summary>Who may read <c>/metrics</c>: the machine itself always; other addresses or networks only when listed.</summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Metrics";

    /// <summary>
    /// Addresses (<c>10.0.0.7</c>) or networks (<c>10.0.0.0/24</c>) of scrapers on other machines, e.g.
    /// <c>Metrics:AllowedAddresses:0=10.0.0.7</c>. Checked against the client's address as the forwarded headers of a
    /// trusted proxy give it (<c>Proxy:KnownProxies</c>), so a request through the proxy is judged by where it came from.
    /// </summary>
    public List<string> AllowedAddresses { get; set; } = [];
}
