using System.Collections.Concurrent;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Storage;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation;

/// <summary>
/// The session store as <see cref="ConversationState"/> and <see cref="UserState"/> see it. Bot.Builder loads each
/// state with its own storage read; <see cref="TurnLockMiddleware"/> reads the conversation's state together with
/// the lock attempt (one Redis round trip) and lends what it read to the turn (<see cref="Lend"/>): the first read
/// of those keys is served from the loan, once. Everything else (the user's state, on the rare turns that load it)
/// goes to the real store. The keys are Bot.Builder's own: <c>{channel}/conversations/{id}</c> for
/// <see cref="ConversationState"/> and <c>{channel}/users/{id}</c> for <see cref="UserState"/>.
/// </summary>
/// <remarks>
/// A loan is kept under the conversation's own storage key, and only while its turn holds that conversation's turn
/// lock: every other reader of a conversation's state (a turn of it, a hand-off write) takes the same lock first, so
/// the loan is seen only by the turn that read it.
/// </remarks>
public sealed class TurnStateStorage(IStorage inner) : IStorage
{
    private readonly ConcurrentDictionary<string, Lent> _lent = new(StringComparer.Ordinal);

    // One lent item (null: the store has none). A reference type, so that a loan ending removes only its own items.
    private sealed record Lent(object? Item);

    /// <summary>Reads <paramref name="keys"/> in one call to the store, issued into <paramref name="batch"/> when the store can join it.</summary>
    internal async Task<StateReadAhead?> ReadAheadAsync(string[] keys, StoreBatch? batch, CancellationToken cancellationToken)
    {
        var items = inner is IBatchingStorage batching
            ? await batching.ReadAsync(keys, batch, cancellationToken).ConfigureAwait(false)
            : await inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        return new StateReadAhead(keys, items);
    }

    /// <summary>
    /// Lends <paramref name="ahead"/> (read under the conversation's turn lock, which the caller holds until the loan
    /// is disposed) to the first read of each of its keys. Null lends nothing.
    /// </summary>
    internal IDisposable Lend(StateReadAhead? ahead)
    {
        if (ahead is null) return Loan.None;
        var lent = new List<KeyValuePair<string, Lent>>(ahead.Keys.Length);
        foreach (var key in ahead.Keys)
        {
            var entry = new Lent(ahead.Items.TryGetValue(key, out var item) ? item : null);
            _lent[key] = entry;
            lent.Add(new(key, entry));
        }
        return new Loan(this, lent);
    }

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
        return [ConversationStateStore.KeyOf(channel, conversation)];
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        IDictionary<string, object> items = new Dictionary<string, object>(keys.Length);
        List<string>? unread = null;
        foreach (var key in keys)
        {
            // Looked up without a lock first: most reads find nothing lent (the user's state, reads outside a turn).
            if (_lent.ContainsKey(key) && _lent.TryRemove(key, out var lent)) { if (lent.Item is not null) items[key] = lent.Item; }
            else (unread ??= []).Add(key);
        }
        if (unread is null) return items;
        if (unread.Count == keys.Length) return await inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        foreach (var pair in await inner.ReadAsync([.. unread], cancellationToken).ConfigureAwait(false)) items[pair.Key] = pair.Value;
        return items;
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

    // After a write or delete the lent copy is stale: later reads go to the store.
    private void Forget(IEnumerable<string> keys)
    {
        foreach (var key in keys)
            if (_lent.ContainsKey(key)) _lent.TryRemove(key, out _);
    }

    // Ends a loan: its items that no read took are dropped (only its own, should a later loan have replaced one).
    private sealed class Loan(TurnStateStorage? owner, List<KeyValuePair<string, Lent>> items) : IDisposable
    {
        public static readonly Loan None = new(null, []);

        public void Dispose()
        {
            if (owner is null) return;
            foreach (var item in items) owner._lent.TryRemove(item);
        }
    }
}
