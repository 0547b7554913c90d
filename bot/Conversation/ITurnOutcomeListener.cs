using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation;

/// <summary>
/// Told about every finished turn by <see cref="TurnTelemetryMiddleware"/>, with the kind of answer a message got
/// (<see cref="TurnAnswer"/>; null for an event, or a message left to staff). Must be quick and must not throw: it runs on
/// the chat path.
/// </summary>
public interface ITurnOutcomeListener
{
    void Finished(ITurnContext turn, (string Kind, string? Topic)? answer);
}
