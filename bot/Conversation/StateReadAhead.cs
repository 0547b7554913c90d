namespace ChatAssistant.Conversation;

/// <summary>
/// A conversation's state read with its turn lock's attempt: the storage <paramref name="Keys"/> read and what the
/// store held under them (a key it has no item for is absent from <paramref name="Items"/>).
/// </summary>
public sealed record StateReadAhead(string[] Keys, IDictionary<string, object> Items);
