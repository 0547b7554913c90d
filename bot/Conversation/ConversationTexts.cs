namespace ChatAssistant.Conversation;

/// <summary>What the conversation core says.</summary>
public static class ConversationTexts
{
    public static readonly string Welcome = WelcomeTo(AccountNames.Default);

    /// <summary>The welcome of an account known as <paramref name="name"/>.</summary>
    public static string WelcomeTo(string name) => $"你好，欢迎来到{name}！我可以解答志愿服务问题，帮团代表预约值班，查询志愿时长和积分，也可以帮你联系亲青老娘舅。";

    public const string MenuHeading = "我可以帮你：";

    public const string MenuFooter = "回复序号，或直接说出你的问题。任何时候回复「取消」退出当前操作，回复「转人工」找工作人员。";

    public const string NothingToCancel = "现在没有进行中的操作。回复「菜单」看看我能做什么。";

    public const string NothingToResume = "没有需要继续的操作。回复「菜单」看看我能做什么。";

    public static string ResumeHint(string title) => $"回复「继续」回到「{title}」，或回复「取消」结束它。";

    /// <summary>The core's fallback (until the guide replaces it): offers a person, which a short yes accepts.</summary>
    public const string NotUnderstood = "抱歉，我没太明白。可以换个说法，或回复「菜单」看看我能做什么；要请工作人员帮忙吗？回复「好」就为你转人工。";

    /// <summary>The transcript line staff see for a non-text message during a hand-off (the content stays in WeChat).</summary>
    public static string NonTextForStaff(string? contentType) =>
        contentType?.EndsWith("image", StringComparison.Ordinal) == true ? "（发来了一张图片，请在公众号后台查看）" : "（发来了一条非文字消息，请在公众号后台查看）";

    public const string NonText = "我暂时只能看懂文字消息，请用文字告诉我你想做什么。回复「菜单」查看服务。";

    public const string Busy = ChatAssistant.Adapters.ChannelTexts.Busy;

    public const string StillWorking = "上一条消息还在处理中，请稍等几秒再发。";

    public static string Sorry(string correlationId) =>
        $"抱歉，系统出了点问题（编号 {correlationId}），刚才的操作没有完成。请稍后再试，或回复「转人工」。";


    /// <summary>The title of the question asked before a new request (「已取消「新的请求」」).</summary>
    public const string NewRequestTitle = "新的请求";

    public static string PutDown(string title) =>
        $"要先放下「{title}」去做新的事吗？已经填的内容会先留着，做完再回来接着填。回复「是」先去做新的事，回复「否」继续「{title}」。";

    public static string MenuNumberMeant(string number, string title) =>
        $"你是想打开菜单第 {number} 项「{title}」吗？回复「是」打开；不是的话，直接说你想做什么就好。";

    public const string MenuNumberDeclined = "好的，没有打开。回复「菜单」看看我能做什么，或直接说出你的问题。";

    public const string UnknownScene = "这个二维码暂时不能用。回复「菜单」看看我能做什么。";
}
