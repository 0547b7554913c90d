namespace ChatAssistant.Storage;

/// <summary>
/// A record's unique key is held already (a ledger entry's source key): thrown by a store on either provider, so a
/// service catches one type, never LiteDB's or PostgreSQL's error. Inside a transaction the transaction is lost.
/// </summary>
public sealed class DuplicateRecordException(string message, Exception inner) : Exception(message, inner);
