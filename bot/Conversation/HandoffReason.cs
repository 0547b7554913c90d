namespace ChatAssistant.Conversation;

/// <summary>Why a conversation is handed to a person.</summary>
public enum HandoffReason
{
    UserAsked,
    NotUnderstood,
    Crisis,
}
