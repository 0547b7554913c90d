using ChatAssistant.Adapters.Coordination;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Conversation;

/// <summary>
/// Runs the turns of one conversation one at a time, across instances when the lock is in Redis, and reads the
/// conversation's state with the lock attempt (see <see cref="TurnStateStorage"/>).
/// Bot.Builder state is last-writer-wins, so without the lock two quick messages could lose an update. On one
/// Redis server the lock attempt and the read travel together (<see cref="IDistributedLock.TryAcquireThenReadAsync{T}"/>).
/// </summary>
public sealed class TurnLockMiddleware(IDistributedLock locks, TurnStateStorage storage, ILogger<TurnLockMiddleware> log) : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>
    /// A crashed holder (or a release lost to a Redis timeout) blocks the user at most this long. Shorter than
    /// <see cref="MaxWait"/>, so a stale lock delays the next turn instead of refusing it; turns take well under it.
    /// </summary>
    public static readonly TimeSpan LockTtl = TimeSpan.FromSeconds(15);

    /// <summary>How long a turn waits for the previous one of the same user.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var conversationId = turnContext.Activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            await next(cancellationToken);
            return;
        }
        var resource = $"turn:{turnContext.Activity.ChannelId}:{conversationId}";
        var keys = TurnStateStorage.Keys(turnContext.Activity);
        await using var held = await locks.TryAcquireThenReadAsync(resource, LockTtl, MaxWait,
            ct => keys is null ? Task.FromResult<TurnStateStorage.ReadAhead?>(null) : storage.ReadAheadAsync(keys, ct), cancellationToken);
        if (held is null)
        {
            log.LogWarning("Turn lock wait ran out on {ChannelId}", turnContext.Activity.ChannelId);
            await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.StillWorking), cancellationToken);
            return;
        }
        TurnStateStorage.Use(held.Value);
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            TurnStateStorage.Use(null);
        }
    }
}
