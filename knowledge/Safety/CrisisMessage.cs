namespace ChatAssistant.Knowledge.Safety;

/// <summary>One labelled message of a crisis training or evaluation file.</summary>
public sealed record CrisisMessage(string Text, CrisisCategory? Category, string Register, bool Trap, bool Distress, bool IsDev);
