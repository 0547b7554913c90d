namespace ChatAssistant.Storage;

/// <summary>
/// The records cannot be opened: the LiteDB file's folder cannot be made or written, or the file is damaged; or the
/// PostgreSQL server does not answer, refuses the login, or holds a schema newer than this version. The message says which.
/// </summary>
public sealed class RecordsDatabaseUnavailableException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
