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

    /// <summary>A third crisis answer in a row (and every other one after it): worded unlike the one before.</summary>
    public const string CrisisStill =
        "工作人员已经知道了，会尽快在这里回复你。现在有危险就拨打 110 或 120；想找人说说话，随时可以打 12355。";

    /// <summary>A third gentle check in a row (and every other one after it).</summary>
    public const string GentleCheckStill = "我还在这里听你说。想聊聊可以拨打 12355，也可以回复「转人工」找这里的工作人员。";

    /// <summary>
    /// The crisis answer after <paramref name="inARow"/> safety answers in a row: the full safety message first, then
    /// shorter ones that alternate, so no two turns in a row say the same words.
    /// </summary>
    public static string Crisis(int inARow) => inARow == 0 ? CrisisReply : inARow % 2 == 1 ? CrisisAgain : CrisisStill;

    /// <summary>The gentle check after <paramref name="inARow"/> safety answers in a row, worded as <see cref="Crisis"/> is.</summary>
    public static string Check(int inARow) => inARow == 0 ? GentleCheck : inARow % 2 == 1 ? GentleCheckAgain : GentleCheckStill;

    public static string ResumeHint(string title) => $"等你准备好了，回复「继续」回到「{title}」。";
}
