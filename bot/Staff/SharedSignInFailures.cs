using System.Globalization;
using ChatAssistant.Adapters.Coordination;

namespace ChatAssistant.Staff;

/// <summary>
/// <see cref="ISignInFailures"/> in the shared cache (Redis): every instance counts an address's wrong passwords into
/// one number and honours one lock-out, so five wrong passwords from one address lock it out of the name whichever
/// instances the balancer sent them to. Per name and network: a counter, renewed by each wrong password (forgotten
/// <see cref="StaffSignIn.FailureMemory"/> after the last, as in memory), and a lock key holding when it was set. An
/// admin's unlock writes when it lifted the name's lock-outs, and every lock set before that yields to it: Redis cannot
/// list one name's keys without scanning them all (counts below the limit are then left to be forgotten by age, where
/// the embedded store forgets them at once). Names and networks are in the keys only as digests, as the account
/// record keeps the networks.
/// </summary>
/// <remarks>
/// A Redis outage must neither lock every member out nor let a guesser try without limit, so while Redis cannot be
/// reached this instance counts in its own memory (<see cref="SignInFailures"/>: five tries per address per instance,
/// the embedded rule) and lets the password be checked; a lock-out set there holds on this instance for its 15 minutes.
/// The account's own lock after wrong passwords from many addresses is on the account record and holds throughout.
/// </remarks>
internal sealed class SharedSignInFailures(IKeyValueCache cache, TimeProvider time, ILogger<SharedSignInFailures> logger) : ISignInFailures
{
    private readonly SignInFailures _local = new(time);

    public int TrackedHere => _local.Count;

    public async Task<bool> IsLockedOutAsync(string name, string network, CancellationToken cancellationToken)
    {
        if (_local.IsLockedOut(name, network)) return true;
        try
        {
            var locked = cache.GetAsync(LockKey(name, network), cancellationToken);
            var lifted = cache.GetAsync(UnlockKey(name), cancellationToken);
            await Task.WhenAll(locked, lifted).ConfigureAwait(false);
            return await locked.ConfigureAwait(false) is { } since
                && (await lifted.ConfigureAwait(false) is not { } unlockedAt || Moment(since) > Moment(unlockedAt));
        }
        catch (StorageUnavailableException e)
        {
            Outage(e);
            return false; // what this instance counted itself was checked above
        }
    }

    public async Task<bool> AddAsync(string name, string network, CancellationToken cancellationToken)
    {
        try
        {
            var failures = cache.IncrementAsync(FailuresKey(name, network), StaffSignIn.FailureMemory, null, cancellationToken);
            if (await failures.ConfigureAwait(false) < StaffSignIn.MaxFailedSignIns) return false;
            // The lock starts the count afresh, as in memory: once it ends, the address has five tries again.
            await Task.WhenAll(
                cache.SetAsync(LockKey(name, network), Now(), StaffSignIn.LockoutDuration, cancellationToken),
                cache.RemoveAsync(FailuresKey(name, network), cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (StorageUnavailableException e)
        {
            Outage(e);
            return _local.Add(name, network);
        }
    }

    public async Task ClearAsync(string name, string network, CancellationToken cancellationToken)
    {
        _local.Clear(name, network);
        try
        {
            await Task.WhenAll(
                cache.RemoveAsync(FailuresKey(name, network), cancellationToken),
                cache.RemoveAsync(LockKey(name, network), cancellationToken)).ConfigureAwait(false);
        }
        catch (StorageUnavailableException e)
        {
            // The member is signed in; their address's old failures are forgotten by age instead.
            Outage(e);
        }
    }

    /// <summary>Throws <see cref="StorageUnavailableException"/> when Redis is down: the admin is told the unlock did not happen.</summary>
    public Task ClearAsync(string name, CancellationToken cancellationToken)
    {
        _local.Clear(name);
        // Every lock of the name is at most LockoutDuration old, so the note that lifts them need not outlive that.
        return cache.SetAsync(UnlockKey(name), Now(), StaffSignIn.LockoutDuration, cancellationToken);
    }

    // When a lock was set or lifted, in Unix milliseconds on the injected clock (instances' clocks agree to well
    // within a lock-out's 15 minutes).
    private string Now() => time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static long Moment(string value) => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : 0;

    private void Outage(StorageUnavailableException e)
    {
        logger.LogWarning(e, "Sign-in failures counted on this instance only: the shared store is unavailable");
        Adapters.Telemetry.AssistantTelemetry.StoreFailure("redis");
    }

    // Names and networks as the account record keeps a failing network (StaffSignIn.CountFailingAddress).
    private static string FailuresKey(string name, string network) => $"staff:signin:{KeyDigest.Of(name)}:{KeyDigest.Of(network)}:failures";

    private static string LockKey(string name, string network) => $"staff:signin:{KeyDigest.Of(name)}:{KeyDigest.Of(network)}:locked";

    private static string UnlockKey(string name) => $"staff:signin:{KeyDigest.Of(name)}:unlocked";
}
