using System.Collections.Concurrent;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation;

/// <summary>
/// The session store as <see cref="ConversationState"/> and <see cref="UserState"/> see it. Bot.Builder loads each
/// state with its own storage read; <see cref="TurnLockMiddleware"/> reads the conversation's state together with
/// the lock attempt (one Redis round trip), and this decorator hands the prefetched item out once, to the first
/// read of the turn that asks for it. Everything else (the user's state, on the rare turns that load it) goes to
/// the real store. The keys are Bot.Builder's own: <c>{channel}/conversations/{id}</c> for
/// <see cref="ConversationState"/> and <c>{channel}/users/{id}</c> for <see cref="UserState"/>.
/// </summary>
/// <remarks>
/// The prefetched items live in an <see cref="AsyncLocal{T}"/> set by the middleware, so they are seen only by
/// the turn that read them (the middleware's continuation and everything it awaits), never by other turns.
/// </remarks>
public sealed class TurnStateStorage(IStorage inner) : IStorage
{
    private static readonly AsyncLocal<ReadAhead?> Prefetched = new();

    /// <summary>The items read ahead for one turn, each handed out once (null value: the store has none).</summary>
    public sealed class ReadAhead : ConcurrentDictionary<string, object?>
    {
        public ReadAhead() : base(StringComparer.Ordinal) { }
    }

    /// <summary>Reads <paramref name="keys"/> in one call to the store and keeps them for this turn's first reads.</summary>
    internal async Task<ReadAhead?> ReadAheadAsync(string[] keys, CancellationToken cancellationToken)
    {
        var items = await inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        var ahead = new ReadAhead();
        foreach (var key in keys) ahead[key] = items.TryGetValue(key, out var item) ? item : null;
        return ahead;
    }

    /// <summary>Makes <paramref name="ahead"/> the current turn's prefetched items (null: none).</summary>
    internal static void Use(ReadAhead? ahead) => Prefetched.Value = ahead;

    /// <summary>
    /// The state key every turn reads (the conversation's), or null when the activity names no conversation. The
    /// user's state is read only on the turns that need it (see <see cref="ConversationData.Welcomed"/>), so it
    /// is not read ahead.
    /// </summary>
    internal static string[]? Keys(Microsoft.Bot.Schema.IActivity activity)
    {
        var channel = activity.ChannelId;
        var conversation = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(conversation)) return null;
        return [$"{channel}/conversations/{conversation}"];
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (Prefetched.Value is { } ahead && keys.Length > 0 && keys.All(ahead.ContainsKey))
        {
            IDictionary<string, object> items = new Dictionary<string, object>(keys.Length);
            foreach (var key in keys)
                if (ahead.TryRemove(key, out var item) && item is not null) items[key] = item;
            return Task.FromResult(items);
        }
        return inner.ReadAsync(keys, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Forget(changes.Keys);
        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Forget(keys);
        return inner.DeleteAsync(keys, cancellationToken);
    }

    // After a write or delete the prefetched copy is stale: later reads go to the store.
    private static void Forget(IEnumerable<string> keys)
    {
        if (Prefetched.Value is not { } ahead) return;
        foreach (var key in keys) ahead.TryRemove(key, out _);
    }
}
