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
}
