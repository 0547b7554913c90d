using System.Net;
using System.Net.Sockets;

namespace ChatAssistant.Staff;

/// <summary>
/// Wrong passwords per (sign-in name, client network), in memory: <see cref="StaffSignIn.MaxFailedSignIns"/> within
/// <see cref="StaffSignIn.FailureMemory"/> lock that network out of that name for
/// <see cref="StaffSignIn.LockoutDuration"/>. Names without an account count the same way, so a lock-out does not
/// tell which names exist. Records are dropped by age (a lock that ended, failures older than the memory), so they
/// stay as few as the clients of the last hour; a restart forgets them, which gives a guesser five more tries.
/// Its own short lock only: the password hash never runs under it. The embedded store, and the shared one's stand-in
/// while Redis is down (<see cref="SharedSignInFailures"/>).
/// </summary>
internal sealed class SignInFailures(TimeProvider time) : ISignInFailures
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private readonly Dictionary<(string Name, string Network), Entry> _entries = [];
    private readonly Lock _lock = new();
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    private readonly record struct Entry(int Failures, DateTimeOffset LastFailure, DateTimeOffset? LockedUntil);

    /// <summary>Records kept now (for monitoring and tests).</summary>
    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    public int TrackedHere => Count;

    public Task<bool> IsLockedOutAsync(string name, string network, CancellationToken cancellationToken) => Task.FromResult(IsLockedOut(name, network));

    public Task<bool> AddAsync(string name, string network, CancellationToken cancellationToken) => Task.FromResult(Add(name, network));

    public Task ClearAsync(string name, string network, CancellationToken cancellationToken)
    {
        Clear(name, network);
        return Task.CompletedTask;
    }

    public Task ClearAsync(string name, CancellationToken cancellationToken)
    {
        Clear(name);
        return Task.CompletedTask;
    }

    /// <summary>Whether <paramref name="network"/> is locked out of <paramref name="name"/> now.</summary>
    public bool IsLockedOut(string name, string network)
    {
        lock (_lock) return _entries.TryGetValue((name, network), out var e) && e.LockedUntil > time.GetUtcNow();
    }

    /// <summary>One more wrong password; true when it locks the network out of the name.</summary>
    public bool Add(string name, string network)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (now - _lastSweep >= SweepEvery) Sweep(now);
            var entry = _entries.TryGetValue((name, network), out var e) && !Expired(e, now) ? e : default;
            var failures = entry.Failures + 1;
            var locked = failures >= StaffSignIn.MaxFailedSignIns;
            _entries[(name, network)] = new Entry(locked ? 0 : failures, now, locked ? now + StaffSignIn.LockoutDuration : null);
            return locked;
        }
    }

    /// <summary>Forgets one network's failures for a name (it signed in).</summary>
    public void Clear(string name, string network)
    {
        lock (_lock) _entries.Remove((name, network));
    }

    /// <summary>Forgets every network's failures for a name (an admin unlocked it).</summary>
    public void Clear(string name)
    {
        lock (_lock)
            foreach (var key in _entries.Keys.Where(k => k.Name == name).ToList()) _entries.Remove(key);
    }

    // A lock that ended, or failures older than the memory, no longer count.
    private static bool Expired(Entry e, DateTimeOffset now) =>
        e.LockedUntil is { } until ? until <= now : e.LastFailure <= now - StaffSignIn.FailureMemory;

    private void Sweep(DateTimeOffset now)
    {
        _lastSweep = now;
        foreach (var (key, entry) in _entries.ToList())
            if (Expired(entry, now)) _entries.Remove(key);
    }

    /// <summary>
    /// What counts as one client: an IPv4 address, or an IPv6 /64 network (one home or phone connection gets a whole
    /// /64, so its addresses are one guesser, not thousands).
    /// </summary>
    public static string Network(string client)
    {
        if (!IPAddress.TryParse(client, out var address)) return client;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
