namespace ChatAssistant.Storage;

/// <summary>
/// A value read from LiteDB and kept until its owner writes what it was read from. One process owns the LiteDB
/// file (<see cref="RecordsDatabase.Open"/> holds a lock: the operator CLI cannot open it while the server runs),
/// so the owner sees every write and calls <see cref="Drop"/> after each commit. Hot look-ups (active studios, the bound rosters) then cost a
/// dictionary hit instead of a query and its deserialisation.
/// </summary>
/// <remarks>
/// The version makes a racing read safe without holding up writers: a read that started before a write's <see cref="Drop"/>
/// is kept under the old version, which the next <see cref="Get"/> sees as outdated, so it reads again. A writer
/// commits first and drops after, so a read under the new version sees the commit.
/// </remarks>
public sealed class CachedUntilWrite<T>(Func<T> read) where T : class
{
    private sealed record Held(int Version, T Value);

    private volatile Held? _held;
    private int _version;
    private readonly Lock _reading = new();

    /// <summary>The cached value, read anew after a write. Shared: callers must not change it.</summary>
    public T Get()
    {
        var version = Volatile.Read(ref _version);
        if (_held is { } held && held.Version == version) return held.Value;
        // One caller reads again after a change; the others wait for it instead of each reading the same data.
        lock (_reading)
        {
            version = Volatile.Read(ref _version);
            if (_held is { } fresh && fresh.Version == version) return fresh.Value;
            var value = read();
            _held = new Held(version, value);
            return value;
        }
    }

    /// <summary>Call after every committed write to the data the value was read from.</summary>
    public void Drop() => Interlocked.Increment(ref _version);
}
