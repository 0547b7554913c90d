namespace ChatAssistant.Safety;

/// <summary>What the assistant says when a message speaks of danger or distress.</summary>
public static class SafetyTexts
{
    /// <summary>The first answer to a crisis, before anything else.</summary>
    public const string CrisisReply =
        "你的安全最重要。如果现在有危险，请马上拨打 110；需要急救请拨打 120。\n" +
        "想找人聊聊，可以拨打青少年服务台 12355（免费）。\n我们已经请工作人员尽快联系你。";

    /// <summary>A crisis again right after the safety message: the same care, not the same words.</summary>
    public const string CrisisAgain =
        "我一直在这里，工作人员会尽快回复你。有危险请马上拨打 110 或 120，12355 也随时可以打。";

    /// <summary>Distress without a clear danger: a gentle check instead of 「不太确定」 or silence.</summary>
    public const string GentleCheck =
        "你还好吗？听起来你现在不太好受。如果你正处在危险中，请马上拨打 110；想找人聊聊，可以拨打青少年服务台 12355（免费）。" +
        "想和这里的工作人员说说，回复「转人工」。";

    public const string GentleCheckAgain = "我在呢。想聊聊可以拨打 12355，想找这里的工作人员就回复「转人工」。";

    public static string ResumeHint(string title) => $"等你准备好了，回复「继续」回到「{title}」。";
}
