namespace ChatAssistant.Conversation.Flows;

public enum FlowReplyKind
{
    /// <summary>The flow took the message (an answer, or it replied and waits).</summary>
    Taken,

    /// <summary>The flow handed the message back as a new request and ended.</summary>
    Rerouted,

    /// <summary>
    /// The step did not take it; nothing was said or counted yet. The caller may find it is another request or a
    /// question, or give the refusal (<see cref="FlowEngine.RefuseAsync"/>).
    /// </summary>
    Refused,
}
