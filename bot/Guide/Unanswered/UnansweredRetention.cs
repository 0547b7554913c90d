namespace ChatAssistant.Guide.Unanswered;

/// <summary>Deletes unanswered questions nobody looked at within <see cref="Keep"/>, once a day.</summary>
internal sealed class UnansweredRetention(UnansweredQuestions questions, TimeProvider time, ILogger<UnansweredRetention> log) : Hosting.RetentionSweep(time, log)
{
    /// <summary>How long an unanswered question waits for staff.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(180);

    protected override TimeSpan Interval => TimeSpan.FromDays(1);

    protected override string What => "unanswered guide questions";

    protected override int Purge() => questions.DeleteBefore(Now - Keep);
}
