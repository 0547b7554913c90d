using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ChatAssistant.Tests.StaffConsole;

/// <summary>
/// A TCP relay between the browser and the server that can lose the network: <see cref="Down"/> cuts every open
/// connection (the console's event stream too) and refuses new ones until <see cref="Up"/>.
/// </summary>
public sealed class FlakyNetwork : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _down;
    private volatile bool _gatewayError;

    public FlakyNetwork(Uri target)
    {
        _target = target;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>Where the browser goes instead of the server.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Cuts every connection. New ones are closed at once, or with <paramref name="gatewayError"/> answered
    /// 502 as a reverse proxy does while the server restarts.
    /// </summary>
    public void Down(bool gatewayError = false)
    {
        _gatewayError = gatewayError;
        _down = true;
        foreach (var socket in _open.Keys) Close(socket);
    }

    public void Up() => _down = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception) { return; }
            if (_down)
            {
                _ = RefuseAsync(client);
                continue;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RefuseAsync(Socket client)
    {
        try
        {
            if (_gatewayError)
            {
                await client.ReceiveAsync(new byte[16 * 1024], SocketFlags.None, _stop.Token);
                await client.SendAsync("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception)
        {
            // the browser gave up first
        }
        finally
        {
            Close(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception)
        {
            // the network went down or the test ended
        }
        finally
        {
            Close(client);
            Close(server);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read == 0) return;
            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
        }
    }

    private void Close(Socket socket)
    {
        _open.TryRemove(socket, out _);
        try { socket.Shutdown(SocketShutdown.Both); } catch (Exception) { /* already gone */ }
        socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _open.Keys) Close(socket);
        try { await _accepting; } catch (Exception) { /* stopping */ }
        _stop.Dispose();
    }
}
