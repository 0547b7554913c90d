namespace ChatAssistant.Conversation.Flows;

/// <summary>The saved position of one running flow: which step, how many failed answers, how many answers, what was collected.</summary>
public sealed class FlowFrame
{
    public string FlowId { get; set; } = "";

    public int Step { get; set; }

    public int Attempts { get; set; }

    /// <summary>
    /// How many of the flow's questions the user has answered. A flow holding answers is not thrown away: not after
    /// answers that did not fit, and not for another request without asking first.
    /// </summary>
    public int Answered { get; set; }

    public Dictionary<string, string> Slots { get; set; } = [];
}
