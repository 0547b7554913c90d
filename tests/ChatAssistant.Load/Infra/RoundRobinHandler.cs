using System.Net.Sockets;

namespace ChatAssistant.Load.Infra;

/// <summary>
/// The load balancer in front of several instances, as nginx's default upstream does it: each request goes to the next
/// server in turn; a server that refuses the connection (killed) is marked down and the request is tried on the next
/// (<c>proxy_next_upstream error</c>). A request already sent to a server that then dies is not retried here: it
/// fails, as it would behind nginx, and WeChat's own retry is the generator's to model.
/// </summary>
public sealed class RoundRobinHandler(IReadOnlyList<Uri> servers) : DelegatingHandler(new SocketsHttpHandler
{
    MaxConnectionsPerServer = 1024,
    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
})
{
    private readonly bool[] _down = new bool[servers.Count];
    private int _next = -1;

    /// <summary>How many requests were moved to another server because theirs refused the connection.</summary>
    public int MovedAfterRefusal => Volatile.Read(ref _moved);

    private int _moved;

    /// <summary>The servers still taking connections.</summary>
    public int Up => _down.Count(d => !d);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        for (var tries = 0; ; tries++)
        {
            var index = NextUp();
            var target = new UriBuilder(request.RequestUri!) { Host = servers[index].Host, Port = servers[index].Port }.Uri;
            using var attempt = new HttpRequestMessage(request.Method, target);
            foreach (var header in request.Headers) attempt.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (body is not null)
            {
                attempt.Content = new ByteArrayContent(body);
                foreach (var header in request.Content!.Headers) attempt.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            try
            {
                return await base.SendAsync(attempt, cancellationToken);
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } && tries < servers.Count)
            {
                _down[index] = true;
                Interlocked.Increment(ref _moved);
            }
        }
    }

    private int NextUp()
    {
        for (var i = 0; i < servers.Count; i++)
        {
            var index = (int)((uint)Interlocked.Increment(ref _next) % (uint)servers.Count);
            if (!Volatile.Read(ref _down[index])) return index;
        }
        throw new HttpRequestException("every server is down");
    }
}
