namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Where undelivered messages are recorded (never silently dropped). Synchronous: the implementation
/// (LiteDB) is synchronous, and each call is short.
/// </summary>
public interface IUndeliveredMessageStore
{
    /// <summary>Records one message.</summary>
    void Add(UndeliveredMessage message);

    /// <summary>The most recent messages first; unresolved only unless <paramref name="includeResolved"/>.</summary>
    IReadOnlyList<UndeliveredMessage> List(bool includeResolved = false, int limit = 100);

    /// <summary>Marks a message handled by staff; false when no such message.</summary>
    bool MarkResolved(string id);
}
