namespace ChatAssistant.Safety;

/// <summary>What staff can say about the crisis check on a message.</summary>
public static class CrisisReviewVerdicts
{
    /// <summary>The check raised the alarm on a message that was not a crisis.</summary>
    public const string FalseAlarm = "false-alarm";

    /// <summary>The message was a crisis the check did not answer as one.</summary>
    public const string Missed = "missed";

    public static bool IsKnown(string? verdict) => verdict is FalseAlarm or Missed;
}
