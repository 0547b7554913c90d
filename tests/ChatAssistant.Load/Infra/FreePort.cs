using System.Net;
using System.Net.Sockets;

namespace ChatAssistant.Load.Infra;

/// <summary>A free TCP port on 127.0.0.1 (asked from the OS, then released for the child process to take).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
