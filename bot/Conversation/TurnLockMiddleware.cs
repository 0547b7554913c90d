using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Coordination;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Conversation;

/// <summary>
/// Runs the turns of one conversation one at a time, across instances when the lock is in Redis, and reads the
/// conversation's state with the lock attempt (see <see cref="TurnStateStorage"/>).
/// Bot.Builder state is last-writer-wins, so without the lock two quick messages could lose an update. On one
/// Redis server the lock attempt and the read travel together (<see cref="IDistributedLock.BeginAcquireThenRead{T}"/>),
/// and an adapter may begin them with its own checks of the message (<see cref="IBotPipeline.BeginTurn"/>).
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

    /// <summary>
    /// Sends the lock's first attempt and the state read for <paramref name="activity"/> now (see
    /// <see cref="IBotPipeline.BeginTurn"/>); null when the activity names no conversation.
    /// </summary>
    public LockAttempt<TurnStateStorage.ReadAhead?>? Begin(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (Resource(activity) is not { } resource) return null;
        var keys = TurnStateStorage.Keys(activity);
        return locks.BeginAcquireThenRead(resource, LockTtl, MaxWait,
            ct => keys is null ? Task.FromResult<TurnStateStorage.ReadAhead?>(null) : storage.ReadAheadAsync(keys, ct));
    }

    /// <summary>
    /// Runs <paramref name="action"/> holding the turn lock of <paramref name="turn"/>'s conversation (without reading
    /// its state): for work on a conversation after its turn failed before it held the lock. False when the lock
    /// could not be had within <see cref="MaxWait"/>, or the activity names no conversation.
    /// </summary>
    public async Task<bool> HoldingAsync(ITurnContext turn, Func<Task> action)
    {
        if (Resource(turn.Activity) is not { } resource) return false;
        await using var held = await locks.TryAcquireAsync(resource, LockTtl, MaxWait);
        if (held is null) return false;
        await action();
        return true;
    }

    private static string? Resource(IActivity activity) =>
        activity.Conversation?.Id is { Length: > 0 } conversationId ? $"turn:{activity.ChannelId}:{conversationId}" : null;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        // The attempt the adapter began with the message's own checks, if any; otherwise it starts here.
        var attempt = Taken(turnContext) ?? Begin(turnContext.Activity);
        if (attempt is null)
        {
            await next(cancellationToken);
            return;
        }
        await using var held = await attempt.CompleteAsync(cancellationToken);
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

    // Takes the begun attempt out of the turn state (from then on this turn owns it). One for another
    // conversation (not expected) is abandoned.
    private LockAttempt<TurnStateStorage.ReadAhead?>? Taken(ITurnContext turnContext)
    {
        if (turnContext.TurnState.Get<object>(IBotPipeline.TurnHeadKey) is not LockAttempt<TurnStateStorage.ReadAhead?> begun) return null;
        turnContext.TurnState.Remove(IBotPipeline.TurnHeadKey);
        if (begun.Resource == Resource(turnContext.Activity)) return begun;
        _ = begun.DisposeAsync();
        return null;
    }
}
