namespace ChatAssistant.Storage;

/// <summary>The records file cannot be opened: its folder cannot be made or written, or the file is damaged. The message says which.</summary>
public sealed class RecordsDatabaseUnavailableException(string message, Exception inner) : InvalidOperationException(message, inner);
