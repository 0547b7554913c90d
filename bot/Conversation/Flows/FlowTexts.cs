namespace ChatAssistant.Conversation.Flows;

/// <summary>What the flow engine itself says.</summary>
public static class FlowTexts
{
    public const string ConfirmFooter = "回复「是」确认，回复「否」放弃。";
    public const string YesOrNo = "请回复「是」确认，或回复「否」放弃。";
    public const string NotConfirmed = "好的，已放弃，没有做任何更改。回复「菜单」看看其他服务。";

    /// <summary>The user acknowledged a list of suggestions instead of picking one.</summary>
    public const string ListLeft = "好的。还有问题可以直接问我，或回复「菜单」看看其他服务。";

    public static string PickANumber(int count) => $"请回复 1 到 {count} 之间的序号，或回复「取消」退出。";

    /// <summary>An answer to a list that fits none of its options.</summary>
    public static string NoSuchOption(int count) =>
        $"没找到对应的选项。请回复 1 到 {count} 之间的序号，或者选项里的文字；回复「取消」退出。";

    /// <summary>An answer that fits several options; <paramref name="lines"/> lists them with their numbers.</summary>
    public static string WhichOne(string lines) => $"有几项都对得上：\n{lines}\n请回复其中一项的序号。";

    /// <summary>After several answers that did not fit, before the question is asked again.</summary>
    public static string AskingAgain(bool kept) => kept
        ? "还是没对上，没关系，你已经填的内容都还留着。我们再来一次；也可以回复「转人工」找工作人员帮忙，或回复「取消」退出。"
        : "还是没对上，没关系，我们再来一次；也可以回复「转人工」找工作人员帮忙，或回复「取消」退出。";

    /// <summary>The user asked again for a flow that is still running with their answers: it goes on where it was.</summary>
    public static string StillRunning(string title) => $"「{title}」还没完成，我们接着来（想从头开始，先回复「取消」）：";

    /// <summary>A 取消 ended the flow on top; the one underneath, which holds the user's answers, goes on.</summary>
    public static string CancelledAndResuming(string cancelled, string resumed) =>
        $"已取消「{cancelled}」。我们继续刚才的「{resumed}」：";

    public static string TooManyAttempts(string title) =>
        $"好像没能理解你的回答，「{title}」先到这里，没有做任何更改。你可以稍后再试，或回复「转人工」找工作人员帮忙。";

    public static string Resuming(string title) => $"我们继续刚才的「{title}」：";

    public static string Cancelled(string title) => $"已取消「{title}」，没有做任何更改。回复「菜单」看看其他服务。";
}
