namespace ChatAssistant.Storage;

/// <summary>The records file is open in another process (the running server): one owner at a time.</summary>
public sealed class RecordsDatabaseInUseException(string path, Exception inner) : InvalidOperationException(
    $"The records database {path} is in use by another process (is the assistant running?). " +
    "Use the staff API while it runs (docs: README, Staff API), or stop it and run this command again.", inner);
