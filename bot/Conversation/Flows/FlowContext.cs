using ChatAssistant.Conversation.Time;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation.Flows;

/// <summary>What a step sees: the turn, the slots of its flow, the conversation, Beijing "now" and the date reader.</summary>
public sealed class FlowContext(ITurnContext turn, FlowFrame frame, ConversationData conversation, DateTimeOffset now, DateTimeReader times)
{
    public ITurnContext Turn { get; } = turn;

    /// <summary>The WeChat OpenID (or the console/test user id).</summary>
    public string UserId => Turn.Activity.From?.Id ?? "";

    public Dictionary<string, string> Slots => frame.Slots;

    public ConversationData Conversation { get; } = conversation;

    /// <summary>Now in the assistant's zone, fixed for the turn.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>Reads dates and times the user typed (a list of times matches them, <see cref="ChoiceMatcher"/>).</summary>
    public DateTimeReader Times { get; } = times;

    /// <summary>A slot's value, or null.</summary>
    public string? Slot(string name) => frame.Slots.GetValueOrDefault(name);

    /// <summary>
    /// Ends the flow right after this step's prompt, e.g. a list that turned out empty has said so and there is
    /// nothing to answer. The engine then resumes an interrupted flow underneath, as when a step returns End.
    /// Only prompts call it; a handler returns <see cref="StepResult.End"/>.
    /// </summary>
    internal void EndFlow() => Ended = true;

    internal bool Ended { get; private set; }

    /// <summary>Sends one text message.</summary>
    public Task SendAsync(string text, CancellationToken cancellationToken) =>
        Turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
}
