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
}
