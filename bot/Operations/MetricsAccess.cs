using System.Net;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Operations;

/// <summary>
/// Who may read <c>/metrics</c>: a client on this machine or at an address of <see cref="MetricsOptions.AllowedAddresses"/>.
/// Runs after <c>UseForwardedHeaders</c>, so a request relayed by the proxy on this machine is judged by the client's
/// address the proxy reports, not by the proxy's own loopback address; anyone else is answered 403.
/// </summary>
public sealed class MetricsAccess
{
    private readonly IReadOnlyList<IPNetwork> _allowed;

    public MetricsAccess(IOptions<MetricsOptions> options)
    {
        var allowed = new List<IPNetwork>();
        foreach (var text in options.Value.AllowedAddresses)
            if (TryParse(text, out var network)) allowed.Add(network);
        _allowed = allowed;
    }

    /// <summary>True when <paramref name="client"/> may read the metrics.</summary>
    public bool Allows(IPAddress? client)
    {
        if (client is null) return false;
        if (client.IsIPv4MappedToIPv6) client = client.MapToIPv4();
        if (IPAddress.IsLoopback(client)) return true;
        foreach (var network in _allowed)
            if (network.Contains(client)) return true;
        return false;
    }

    /// <summary>An address (a network of one) or a network in CIDR form.</summary>
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (text.Contains('/', StringComparison.Ordinal)) return IPNetwork.TryParse(text, out network);
        if (!IPAddress.TryParse(text, out var address)) return false;
        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}
