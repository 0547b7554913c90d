namespace ChatAssistant.Guide.Unanswered;

/// <summary>An entry as a list names it.</summary>
public sealed record EntryRef(string Id, string Title);
