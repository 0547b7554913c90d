using ChatAssistant.Adapters.Coordination;
using Newtonsoft.Json.Linq;

namespace ChatAssistant.Conversation;

/// <summary>
/// A conversation's saved state (<see cref="ConversationData"/>) changed outside its turns — staff picking a
/// conversation up or closing its hand-off — under the conversation's turn lock (<see cref="TurnLockKey"/>), so that
/// no turn of it overwrites the change. It reads and writes what Bot.Builder's <c>ConversationState</c> keeps: the
/// state bag under <see cref="KeyOf"/>, holding the conversation's data under the property named after its type, in
/// the session store the turns use (<see cref="TurnStateStorage"/>). Never call it from inside that conversation's
/// turn (it would wait for itself).
/// </summary>
public sealed class ConversationStateStore(TurnStateStorage storage, IDistributedLock locks)
{
    /// <summary>The storage key of a conversation's state, Bot.Builder's own: <c>{channel}/conversations/{id}</c>.</summary>
    public static string KeyOf(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";

    /// <summary>
    /// Applies <paramref name="change"/> to the conversation's data (a new one when it has none) and saves it when the
    /// change says it changed something. Returns whether it did; null when the turn lock could not be had within
    /// <see cref="TurnLockMiddleware.MaxWait"/> (the user's turn held it too long), and nothing was written.
    /// </summary>
    public async Task<bool?> ChangeAsync(string channelId, string conversationId, Func<ConversationData, bool> change, CancellationToken cancellationToken)
    {
        await using var held = await locks.TryAcquireAsync(TurnLockKey.For(channelId, conversationId), TurnLockMiddleware.LockTtl, TurnLockMiddleware.MaxWait, cancellationToken);
        if (held is null) return null;
        var key = KeyOf(channelId, conversationId);
        var items = await storage.ReadAsync([key], cancellationToken);
        var state = StateBag(items.TryGetValue(key, out var stored) ? stored : null);
        var data = Data(state.TryGetValue(nameof(ConversationData), out var value) ? value : null);
        if (!change(data)) return false;
        state[nameof(ConversationData)] = data;
        await storage.WriteAsync(new Dictionary<string, object> { [key] = state }, cancellationToken);
        return true;
    }

    // What Bot.Builder's BotState accepts as a stored state bag, and the property as its accessor reads it.
    private static IDictionary<string, object> StateBag(object? stored) => stored switch
    {
        null => new Dictionary<string, object>(),
        IDictionary<string, object> bag => bag,
        JObject json => json.ToObject<Dictionary<string, object>>()!,
        _ => throw new InvalidOperationException("Data is not in the correct format for BotState."),
    };

    private static ConversationData Data(object? value) => value switch
    {
        ConversationData data => data,
        JObject json => json.ToObject<ConversationData>()!,
        _ => new ConversationData(),
    };
}
