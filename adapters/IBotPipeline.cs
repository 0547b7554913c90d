using ChatAssistant.Adapters.Coordination;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatAssistant.Adapters;

/// <summary>
/// The middleware (turn lock, state autosave, audit) and turn-error handler that every adapter runs.
/// The bot host supplies it; each adapter calls <see cref="Apply"/> once when it is constructed, so the
/// console, WeChat and test adapters behave the same.
/// </summary>
public interface IBotPipeline
{
    /// <summary>Adds the shared middleware and error handler to <paramref name="adapter"/>.</summary>
    void Apply(BotAdapter adapter);

    /// <summary>
    /// Issues the first store commands of a turn for <paramref name="activity"/> — the turn lock's first attempt and
    /// the read of the conversation's state — into <paramref name="batch"/> (as issued without one), before the
    /// adapter knows whether the turn will run, so that they share the round trip of what it issues there too. The
    /// adapter hands the head to the turn (<see cref="ChannelTurnContext"/>), where the turn lock completes it, or
    /// disposes it when no turn runs (a retry, a replay), which undoes it. Null when the activity names no conversation.
    /// </summary>
    TurnHead? BeginTurn(IActivity activity, StoreBatch? batch);
}
