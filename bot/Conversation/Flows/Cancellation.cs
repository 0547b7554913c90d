namespace ChatAssistant.Conversation.Flows;

/// <summary>What 取消 did (<see cref="FlowEngine.CancelAsync"/>): which flow it ended, and whether one underneath went on.</summary>
public sealed record Cancellation(string? Title, bool Resumed);
