namespace ChatAssistant.Knowledge.Safety;

/// <summary>A labelled message: <paramref name="Category"/> null for a message that is not a crisis.</summary>
public sealed record CrisisExample(string Text, CrisisCategory? Category);
