namespace ChatAssistant.Conversation.Flows;

/// <summary>What the active flow made of the user's message (<see cref="FlowEngine.AnswerAsync"/>).</summary>
public sealed record FlowReply(FlowReplyKind Kind, string? Refusal = null)
{
    public static FlowReply Taken { get; } = new(FlowReplyKind.Taken);

    public static FlowReply Rerouted { get; } = new(FlowReplyKind.Rerouted);

    public static FlowReply Refused(string message) => new(FlowReplyKind.Refused, message);
}
