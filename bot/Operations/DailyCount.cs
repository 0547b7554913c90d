namespace ChatAssistant.Operations;

/// <summary>
/// One stored tally (<c>daily_counts</c>): how many messages, or answers of one kind, a day (Beijing date) had in one
/// county (the bound roster's district of the people who wrote; empty when unknown), and for unanswered questions the
/// guide topic they came closest to. No user, no text.
/// </summary>
public sealed class DailyCount
{
    /// <summary><c>{Day}|{County}|{Kind}|{Topic}</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Beijing date, <c>yyyy-MM-dd</c>.</summary>
    public string Day { get; set; } = "";

    public string County { get; set; } = "";

    /// <summary><see cref="DailyTally.Messages"/>, or an answer kind of <c>AssistantTelemetry.Kinds</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>For <c>not_sure</c>: the closest guide entry's title (empty when none came close).</summary>
    public string Topic { get; set; } = "";

    public long Count { get; set; }
}
