namespace ChatAssistant.Adapters.Coordination;

/// <summary>
/// The session store or the shared coordination store is unreachable or too slow right now. The turn
/// cannot go on, but the user did nothing wrong: answer the short busy message (<see cref="ChannelTexts.Busy"/>) and
/// let them retry. Stores raise this for every outage, whatever their engine, so callers catch it by type.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
