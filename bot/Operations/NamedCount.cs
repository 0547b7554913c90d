namespace ChatAssistant.Operations;

public sealed record NamedCount(string Name, long Count);
