namespace ChatAssistant.Conversation.Flows;

/// <summary>Whole numbers from <see cref="Min"/> to <see cref="Max"/>, both included.</summary>
public readonly record struct NumberRange(int Min, int Max)
{
    public bool Contains(int n) => n >= Min && n <= Max;

    /// <summary>How many whole numbers this range shares with [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public int Overlap(int from, int to) => Math.Max(0, Math.Min(Max, to) - Math.Max(Min, from) + 1);
}
