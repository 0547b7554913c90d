using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Coordination;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Conversation;

/// <summary>
/// Runs the turns of one conversation one at a time, across instances when the lock is in Redis, and reads the
/// conversation's state with the lock attempt, lending it to the turn's first read (<see cref="TurnStateStorage"/>).
/// Bot.Builder state is last-writer-wins, so without the lock two quick messages could lose an update. On one
/// Redis server the lock attempt and the read travel together (<see cref="IDistributedLock.BeginAcquireThenRead{T}"/>),
/// and an adapter may begin them with its own checks of the message (<see cref="IBotPipeline.BeginTurn"/>) and hand
/// them to the turn in its <see cref="ChannelTurnContext"/>.
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
    /// Issues the lock's first attempt and the state read for <paramref name="activity"/> now, into
    /// <paramref name="batch"/> when given (see <see cref="IBotPipeline.BeginTurn"/>); null when the activity names
    /// no conversation.
    /// </summary>
    public TurnLockHead? Begin(IActivity activity, StoreBatch? batch)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (TurnLockKey.For(activity) is not { } resource) return null;
        var keys = TurnStateStorage.Keys(activity);
        var attempt = locks.BeginAcquireThenRead(resource, LockTtl, MaxWait,
            ct => keys is null ? Task.FromResult<StateReadAhead?>(null) : storage.ReadAheadAsync(keys, batch, ct), batch);
        return new TurnLockHead(resource, attempt);
    }

    /// <summary>
    /// Runs <paramref name="action"/> holding the turn lock of <paramref name="turn"/>'s conversation (without reading
    /// its state): for work on a conversation after its turn failed before it held the lock. False when the lock
    /// could not be had within <see cref="MaxWait"/>, or the activity names no conversation.
    /// </summary>
    public async Task<bool> HoldingAsync(ITurnContext turn, Func<Task> action)
    {
        if (TurnLockKey.For(turn.Activity) is not { } resource) return false;
        await using var held = await locks.TryAcquireAsync(resource, LockTtl, MaxWait);
        if (held is null) return false;
        await action();
        return true;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        // The head the adapter began with the message's own checks, if any; otherwise the attempt starts here.
        var head = await TakenAsync(turnContext) ?? Begin(turnContext.Activity, batch: null);
        if (head is null)
        {
            await next(cancellationToken);
            return;
        }
        await using var held = await head.Attempt.CompleteAsync(cancellationToken);
        if (held is null)
        {
            log.LogWarning("Turn lock wait ran out on {ChannelId}", turnContext.Activity.ChannelId);
            await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.StillWorking), cancellationToken);
            return;
        }
        using (storage.Lend(held.Value))
        {
            await next(cancellationToken);
        }
    }

    // The head handed to this turn, if any (from then on the turn owns it). One for another conversation (not
    // expected) is abandoned.
    private static async Task<TurnLockHead?> TakenAsync(ITurnContext turnContext)
    {
        if (turnContext is not ChannelTurnContext channel || channel.TakeHead() is not { } head) return null;
        if (head is TurnLockHead mine && mine.Resource == TurnLockKey.For(turnContext.Activity)) return mine;
        await head.DisposeAsync();
        return null;
    }
}
