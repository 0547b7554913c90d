using ChatAssistant.Adapters.Telemetry;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation;

/// <summary>
/// What kind of answer a message got (<see cref="AssistantTelemetry.Kinds"/>), noted on the turn by whoever answered
/// (the guide) and read once the turn is over by <see cref="TurnTelemetryMiddleware"/>. A message answered by anything
/// else that spoke (a feature, a command, the menu, a safety reply) is <c>flow</c>; one left to staff is no answer.
/// </summary>
public static class TurnAnswer
{
    private const string KindKey = "chatassistant.answer.kind";
    private const string TopicKey = "chatassistant.answer.topic";

    /// <summary>Notes <paramref name="kind"/> and, for an unanswered question, the guide entry it came closest to.</summary>
    public static void Note(ITurnContext turn, string kind, string? topic = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.TurnState[KindKey] = kind;
        if (topic is not null) turn.TurnState[TopicKey] = topic;
    }

    /// <summary>The kind of answer the finished turn gave, or null (not a message, or nothing said).</summary>
    public static (string Kind, string? Topic)? Of(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Type != Microsoft.Bot.Schema.ActivityTypes.Message) return null;
        if (turn.TurnState.Get<string>(KindKey) is { } kind) return (kind, turn.TurnState.Get<string>(TopicKey));
        return turn.Responded ? (AssistantTelemetry.Kinds.Flow, null) : null;
    }
}
