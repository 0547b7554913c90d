using System.Collections.Concurrent;

namespace ChatAssistant.Adapters.Coordination;

/// <summary>
/// In-process <see cref="IDistributedLock"/>: one semaphore per resource. The TTL is not needed here
/// (a crashed process takes its locks with it), so it is ignored.
/// </summary>
public sealed class InMemoryDistributedLock : IDistributedLock
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new();

    public async Task<IAsyncDisposable?> TryAcquireAsync(string resource, TimeSpan ttl, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var gate = _gates.GetOrAdd(resource, _ => new Gate());
            lock (gate)
            {
                if (gate.Retired) continue;
                gate.Users++;
            }
            bool entered;
            try { entered = await gate.Semaphore.WaitAsync(wait, cancellationToken).ConfigureAwait(false); }
            catch { Leave(resource, gate); throw; }
            if (!entered) { Leave(resource, gate); return null; }
            return new Handle(this, resource, gate);
        }
    }

    private void Leave(string resource, Gate gate)
    {
        lock (gate)
        {
            gate.Users--;
            if (gate.Users == 0)
            {
                gate.Retired = true;
                _gates.TryRemove(new KeyValuePair<string, Gate>(resource, gate));
            }
        }
    }

    private sealed class Gate
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
        public bool Retired;
    }

    private sealed class Handle(InMemoryDistributedLock owner, string resource, Gate gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Semaphore.Release();
                owner.Leave(resource, gate);
            }
            return ValueTask.CompletedTask;
        }
    }
}
