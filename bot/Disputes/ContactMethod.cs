namespace ChatAssistant.Disputes;

/// <summary>How the user wants to be reached.</summary>
public enum ContactMethod
{
    WeChat,
    Phone,
}
