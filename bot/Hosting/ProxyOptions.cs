
namespace ChatAssistant.Hosting;

/// <summary>
/// The reverse proxy in front of the server (nginx ending TLS for WeChat's 443): whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. A proxy on the same machine (loopback) always is; others are listed here.
/// Without it, every staff member behind the proxy shared one sign-in rate limit (the proxy's address) and the
/// console's cookie was not marked Secure (the request reached the server as plain HTTP).
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Proxy";

    /// <summary>IP addresses of proxies on other machines, e.g. <c>Proxy:KnownProxies:0=10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];
}
