namespace ChatAssistant.Adapters.Coordination;

/// <summary>The default attempt: nothing happens until it is completed.</summary>
public sealed class DeferredLockAttempt<T>(IDistributedLock locks, string resource, TimeSpan ttl, TimeSpan wait, Func<CancellationToken, Task<T>> read)
    : LockAttempt<T>(resource)
{
    protected override Task<LockedRead<T>?> CompleteCoreAsync(CancellationToken cancellationToken) =>
        LockedRead.AfterAcquiringAsync(locks, Resource, ttl, wait, read, cancellationToken);

    protected override void Abandon() { }
}
