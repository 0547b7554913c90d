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

    public static string TooManyAttempts(string title) =>
        $"好像没能理解你的回答，「{title}」先到这里，没有做任何更改。你可以稍后再试，或回复「转人工」找工作人员帮忙。";

    public static string Resuming(string title) => $"我们继续刚才的「{title}」：";

    public static string Cancelled(string title) => $"已取消「{title}」，没有做任何更改。回复「菜单」看看其他服务。";
}
