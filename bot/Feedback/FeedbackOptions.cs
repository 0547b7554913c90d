namespace ChatAssistant.Feedback;

/// <summary>Settings under <c>Feedback:</c>.</summary>
public sealed class FeedbackOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Feedback";

    /// <summary>Days a suggestion (and who sent it) is kept; then it is deleted.</summary>
    public int RetentionDays { get; set; } = 365;
}
