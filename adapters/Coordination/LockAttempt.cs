namespace ChatAssistant.Adapters.Coordination;

/// <summary>A lock attempt begun by <see cref="IDistributedLock.BeginAcquireThenRead{T}"/>: completed once, or abandoned by disposing it.</summary>
public abstract class LockAttempt<T> : IAsyncDisposable
{
    private int _state; // 0 begun, 1 completed, 2 abandoned

    protected LockAttempt(string resource) => Resource = resource;

    /// <summary>The locked resource.</summary>
    public string Resource { get; }

    /// <summary>Waits for the lock as <see cref="IDistributedLock.TryAcquireThenReadAsync{T}"/> does. Once only.</summary>
    public Task<LockedRead<T>?> CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0) throw new InvalidOperationException("A lock attempt completes once, and not after it was abandoned.");
        return CompleteCoreAsync(cancellationToken);
    }

    /// <summary>Abandons an attempt that was not completed (nothing when it was: its <see cref="LockedRead{T}"/> owns the lock).</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.CompareExchange(ref _state, 2, 0) == 0) Abandon();
        return ValueTask.CompletedTask;
    }

    protected abstract Task<LockedRead<T>?> CompleteCoreAsync(CancellationToken cancellationToken);

    /// <summary>Undoes what the attempt sent; must not wait.</summary>
    protected abstract void Abandon();
}
