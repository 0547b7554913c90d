namespace ChatAssistant.Knowledge.Safety;

/// <summary>An everyday phrase containing a crisis word (笑死, 跳楼价, 打我电话): masked before any entry is matched.</summary>
public sealed record CrisisNegative(string Id, IReadOnlyList<string> Patterns, IReadOnlyList<string> Examples);
