namespace ChatAssistant.Knowledge.Eval;

/// <summary>An out-of-scope question (must not be answered as if the guide covered it).</summary>
internal sealed record OutOfScopeQuestion(string Text, bool IsDev);
