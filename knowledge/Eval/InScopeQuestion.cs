namespace ChatAssistant.Knowledge.Eval;

/// <summary>An in-scope evaluation question and the entry it should get.</summary>
internal sealed record InScopeQuestion(string Text, string ExpectedId, bool IsDev);
