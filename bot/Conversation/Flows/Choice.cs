namespace ChatAssistant.Conversation.Flows;

/// <summary>
/// One option of a numbered list: what is stored, what is shown, and what else picks it besides its number and
/// label (<see cref="ChoiceMatcher"/>).
/// </summary>
public sealed record Choice(string Value, string Label)
{
    /// <summary>Other words people use for this option ("电话" for 「打我的手机」); a message containing one picks it.</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>When the option is a time (a duty slot, a booking): when it starts, so a date or time typed picks it.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>When the option's time ends (a point in time when null).</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>The numbers the option stands for (an age band, 14–17): a number or a range typed picks the band holding it.</summary>
    public NumberRange? Covers { get; init; }
}
