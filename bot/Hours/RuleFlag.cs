namespace ChatAssistant.Hours;

/// <summary>A rule that fired on a record, with the reason staff read.</summary>
public sealed record RuleFlag(string Rule, string Reason)
{
    public RuleFlag() : this("", "") { }
}
