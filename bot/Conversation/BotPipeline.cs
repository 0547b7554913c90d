using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Coordination;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Conversation;

/// <summary>
/// The middleware every adapter runs — turn culture, per-conversation turn lock with one batch read of the
/// turn's state, the failed-turn recovery, then state autosave — and the turn-error handler. A failing turn is
/// logged with a correlation id, the user gets an apology in Chinese, and the conversation is cleared so nobody
/// stays stuck; that happens inside the turn lock, so the clear cannot overwrite the next message's turn. Store
/// outages and cancelled or timed-out turns get the short busy message instead and keep the state.
/// </summary>
public sealed class BotPipeline(
    TurnTelemetryMiddleware telemetry,
    TurnCultureMiddleware culture,
    TurnLockMiddleware turnLock,
    ConversationState conversationState,
    UserState userState,
    IEnumerable<Microsoft.Bot.Builder.IMiddleware> extraMiddleware,
    ILogger<BotPipeline> log) : IBotPipeline
{
    private readonly IStatePropertyAccessor<ConversationData> _data = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));

    public void Apply(BotAdapter adapter)
    {
        adapter.Use(telemetry); // first: the turn's span and duration cover the lock, the state and the bot
        adapter.Use(culture);
        adapter.Use(turnLock);
        adapter.Use(new Recovery(this));
        adapter.Use(new AutoSaveStateMiddleware(conversationState, userState));
        foreach (var middleware in extraMiddleware) adapter.Use(middleware);
        adapter.OnTurnError = OnTurnErrorAsync;
    }

    public TurnHead? BeginTurn(Microsoft.Bot.Schema.IActivity activity, StoreBatch? batch) => turnLock.Begin(activity, batch);

    // What reaches the adapter: a store outage (busy, state kept), or a failure before the turn held its lock —
    // above all a stored state that cannot be read, which would fail every message after it. That one is
    // recovered like any failed turn, under the conversation's lock taken for it.
    private async Task OnTurnErrorAsync(ITurnContext turn, Exception exception)
    {
        CountStoreFailure(exception);
        if (KeepsState(exception))
        {
            var correlationId = Guid.NewGuid().ToString("N")[..8];
            log.LogWarning(exception, "Session store unavailable, or the turn was cancelled or timed out, during turn {CorrelationId}", correlationId);
            await TrySendAsync(turn, ConversationTexts.Busy, correlationId);
            return;
        }
        try
        {
            if (await turnLock.HoldingAsync(turn, () => RecoverAsync(turn, exception))) return;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The lock or the store failed as well: apologise below; the next message tries again.
            log.LogWarning(e, "Could not take the conversation's lock to recover a failed turn");
        }
        var id = Guid.NewGuid().ToString("N")[..8];
        log.LogError(exception, "Turn failed {CorrelationId} on {ChannelId}; the conversation could not be cleared", id, turn.Activity.ChannelId);
        await TrySendAsync(turn, ConversationTexts.Sorry(id), id);
    }

    // A turn that failed while holding its lock: clear the conversation there, then apologise.
    private async Task RecoverAsync(ITurnContext turn, Exception exception)
    {
        var correlationId = Guid.NewGuid().ToString("N")[..8];
        log.LogError(exception, "Turn failed {CorrelationId} on {ChannelId}", correlationId, turn.Activity.ChannelId);
        try
        {
            if (await WasWelcomedAsync(turn))
            {
                // Cleared, but the user stays greeted: their own profile is read only on first contact and may
                // have expired since, and a failure should not be followed by a welcome as if they were new.
                // One write replaces the stored state (no delete first that a failed write would leave behind).
                await conversationState.ClearStateAsync(turn);
                await _data.SetAsync(turn, new ConversationData { Welcomed = true });
                await conversationState.SaveChangesAsync(turn, force: true);
            }
            else
            {
                await conversationState.DeleteAsync(turn);
            }
        }
        catch (Exception clearFailure)
        {
            log.LogError(clearFailure, "Could not clear conversation state after {CorrelationId}", correlationId);
        }
        await TrySendAsync(turn, ConversationTexts.Sorry(correlationId), correlationId);
    }

    /// <summary>Inside the turn lock, around autosave and the bot: turns a failure into the recovery; outages pass on.</summary>
    private sealed class Recovery(BotPipeline pipeline) : Microsoft.Bot.Builder.IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            try
            {
                await next(cancellationToken);
            }
            catch (Exception e) when (!KeepsState(e))
            {
                CountStoreFailure(e);
                await pipeline.RecoverAsync(turnContext, e);
            }
        }
    }

    // A store outage, or a turn cancelled or timed out (a call with a deadline inside a step, a shutdown): nothing
    // says the conversation is broken, so it stays as it was before the message and the user is told to try again.
    // Only a real failure clears it.
    // The outage met by a turn, by store: the session store's (Redis, or the records file when there is no Redis) or the
    // records file's own.
    private static void CountStoreFailure(Exception exception)
    {
        if (StoreFailures.IsTransient(exception)) ChatAssistant.Adapters.Telemetry.AssistantTelemetry.StoreFailure("redis");
        else if (ChatAssistant.Storage.RecordsFailures.IsRecordsError(exception) || exception.InnerException is { } inner && ChatAssistant.Storage.RecordsFailures.IsRecordsError(inner))
            ChatAssistant.Adapters.Telemetry.AssistantTelemetry.StoreFailure("records");
    }

    private static bool KeepsState(Exception exception) =>
        StoreFailures.IsTransient(exception) || exception is OperationCanceledException;

    private async Task<bool> WasWelcomedAsync(ITurnContext turn)
    {
        try { return (await _data.GetAsync(turn, () => new ConversationData())).Welcomed; }
        catch (Exception e) when (e is not OutOfMemoryException) { return false; } // the state itself may be what failed
    }

    private async Task TrySendAsync(ITurnContext turn, string text, string correlationId)
    {
        try
        {
            await turn.SendActivityAsync(MessageFactory.Text(text));
        }
        catch (Exception sendFailure)
        {
            log.LogError(sendFailure, "Could not send the apology for {CorrelationId}", correlationId);
        }
    }
}
