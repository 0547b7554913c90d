namespace ChatAssistant.Adapters.Coordination;

/// <summary>
/// A lock shared by every instance (per-user turn lock, single-flight token refresh).
/// The lock carries a TTL so that a crashed holder cannot block others for longer than that.
/// </summary>
public interface IDistributedLock
{
    /// <summary>
    /// Waits up to <paramref name="wait"/> for the lock on <paramref name="resource"/>.
    /// Returns a handle that releases the lock when disposed, or null when the wait ran out.
    /// </summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string resource, TimeSpan ttl, TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the lock as <see cref="TryAcquireAsync"/> does, then runs <paramref name="read"/> while holding it
    /// (the turn lock reads the session this way). A store that runs commands in the order they were sent may
    /// send the read together with the lock attempt and keep it only when that attempt won — one round trip
    /// instead of two; the caller sees the same result either way. Null when the wait ran out.
    /// </summary>
    Task<LockedRead<T>?> TryAcquireThenReadAsync<T>(string resource, TimeSpan ttl, TimeSpan wait, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken = default) =>
        BeginAcquireThenRead(resource, ttl, wait, read).CompleteAsync(cancellationToken);

    /// <summary>
    /// <see cref="TryAcquireThenReadAsync"/> in two parts: a store that sends commands may issue the first lock
    /// attempt and the read now, into <paramref name="batch"/> when it can join it, so that they travel with what
    /// the caller issues there too (a WeChat message's replay and dedupe claim) instead of in a round trip of their
    /// own; <paramref name="read"/> then passes the batch on to its own store. <see cref="LockAttempt{T}.CompleteAsync"/>
    /// then gives what <see cref="TryAcquireThenReadAsync"/> would; disposing an attempt never completed abandons
    /// it (releasing the lock if the first attempt won). By default nothing is sent until the attempt is completed.
    /// </summary>
    LockAttempt<T> BeginAcquireThenRead<T>(string resource, TimeSpan ttl, TimeSpan wait, Func<CancellationToken, Task<T>> read, StoreBatch? batch = null) =>
        new DeferredLockAttempt<T>(this, resource, ttl, wait, read);
}

/// <summary>A held lock and what was read under it. Disposing releases the lock.</summary>
public sealed record LockedRead<T>(IAsyncDisposable Handle, T Value) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Handle.DisposeAsync();
}

/// <summary>The plain way to read under a lock: acquire, then read.</summary>
public static class LockedRead
{
    /// <summary>Acquires <paramref name="resource"/> on <paramref name="locks"/>, then reads; releases the lock if the read fails.</summary>
    public static async Task<LockedRead<T>?> AfterAcquiringAsync<T>(
        IDistributedLock locks, string resource, TimeSpan ttl, TimeSpan wait, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(locks);
        ArgumentNullException.ThrowIfNull(read);
        var handle = await locks.TryAcquireAsync(resource, ttl, wait, cancellationToken).ConfigureAwait(false);
        if (handle is null) return null;
        return await ReadHoldingAsync(handle, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="read"/> under <paramref name="handle"/>; on failure releases the lock and rethrows.</summary>
    public static async Task<LockedRead<T>> ReadHoldingAsync<T>(IAsyncDisposable handle, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return new LockedRead<T>(handle, await read(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await handle.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
