using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>
/// Whether every key lives on one standalone server (Sentinel hands out the primary, also standalone; replicas
/// beside it take no writes). Only then does Redis run one connection's commands in the order sent, and may one
/// script touch keys of different names; a cluster, a declared proxy (twemproxy, envoy), two primaries or an
/// unknown type may not. A sharding proxy that does not say so looks like one standalone server: declare it in
/// the configuration (<c>proxy=twemproxy</c> or <c>proxy=envoyproxy</c>). Known once connected, then remembered.
/// </summary>
internal sealed class RedisTopology(IConnectionMultiplexer redis)
{
    private int _oneServer; // 0 not known yet, 1 yes, 2 no

    public bool IsOneStandaloneServer()
    {
        var known = Volatile.Read(ref _oneServer);
        if (known != 0) return known == 1;
        if (!redis.IsConnected) return false;
        var servers = redis.GetServers();
        var one = servers.All(s => s.IsConnected && s.ServerType == ServerType.Standalone) && servers.Count(s => !s.IsReplica) == 1;
        if (servers.All(s => s.IsConnected)) Volatile.Write(ref _oneServer, one ? 1 : 2);
        return one;
    }
}
