namespace ChatAssistant.Conversation.Flows;

/// <summary>The saved position of one running flow: which step, how many failed answers, what was collected.</summary>
public sealed class FlowFrame
{
    public string FlowId { get; set; } = "";

    public int Step { get; set; }

    public int Attempts { get; set; }

    public Dictionary<string, string> Slots { get; set; } = [];
}
