using Microsoft.Bot.Builder;

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
    /// Sends the first store commands of a turn for <paramref name="activity"/> (the turn lock's first attempt and
    /// the state read) before the adapter has finished its own checks of the message, so that they share its
    /// round trip to the store. The adapter puts the result in the turn's <c>TurnState</c> under
    /// <see cref="TurnHeadKey"/>, where the pipeline takes it, or disposes it when no turn runs (a retry or a
    /// replay), which undoes it. Null when there is nothing to send ahead.
    /// </summary>
    IAsyncDisposable? BeginTurn(Microsoft.Bot.Schema.IActivity activity) => null;

    /// <summary>The <c>TurnState</c> key of what <see cref="BeginTurn"/> returned.</summary>
    const string TurnHeadKey = "ChatAssistant.TurnHead";
}
