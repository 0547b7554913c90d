namespace ChatAssistant.Storage;

/// <summary>
/// The session store or the shared coordination store is unreachable or too slow right now. The turn
/// cannot go on, but the user did nothing wrong: answer the short busy message (ConversationTexts.Busy) and let them retry.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
