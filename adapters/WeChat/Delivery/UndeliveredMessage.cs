namespace ChatAssistant.Adapters.WeChat;

/// <summary>A message that could not reach a user, kept so that staff see it and can follow up.</summary>
public sealed record UndeliveredMessage(
    string Id, string OpenId, string Kind, string Text, int ErrCode, string Reason, DateTimeOffset At, bool Resolved = false);
