namespace ChatAssistant.Guide.Unanswered;

/// <summary>Why a question is among the unanswered.</summary>
public static class UnansweredKinds
{
    /// <summary>The guide said 「不太确定」.</summary>
    public const string NotSure = "not-sure";

    /// <summary>The user was offered a choice of topics and took none of them.</summary>
    public const string ClarifyRefused = "clarify-refused";

    /// <summary>The user asked for a person right after the guide's answer.</summary>
    public const string HandoffAfterAnswer = "handoff-after-answer";
}
