namespace ChatAssistant.Adapters.WeChat;

/// <summary>What the WeChat channel itself says to users (Simplified Chinese, short, with a next step).</summary>
public static class WeChatTexts
{
    /// <summary>Answer to a voice message that WeChat did not transcribe.</summary>
    public const string VoiceWithoutText = "抱歉，我暂时听不了语音。请发送文字，我马上帮你查。";

    /// <summary>Answer to a message over the per-user rate limit (it was not handled).</summary>
    public const string TooFast = "消息发得太快了，刚才这条没有处理。请稍等半分钟，再把要办的事发一次。";

    /// <summary>Introduces the options a bot offered as suggested actions (WeChat has no quick-reply buttons).</summary>
    public const string SuggestedActionsIntro = "可以直接回复：";

    /// <summary>Separates the offered options.</summary>
    public const string SuggestedActionsSeparator = " / ";

    /// <summary>Why a message could not be delivered, for staff (the console shows it beside the message).</summary>
    public static string FailureReason(WeChatApiResult result) => result.ErrCode switch
    {
        WeChatApiResult.OutOfWindow => "45015 用户48小时内未互动，客服消息无法送达，请改用模板消息或等待用户来信",
        WeChatApiResult.OverQuota => "45047 客服消息条数已用完，请等待用户再次来信",
        43004 => "43004 用户未关注公众号",
        40003 => "40003 OpenID 无效",
        WeChatApiResult.Unreachable => "微信接口暂时无法访问：" + result.ErrMsg,
        WeChatApiResult.StoreUnavailable => "共享存储（Redis）暂时不可用，消息未发出，请稍后重发：" + result.ErrMsg,
        WeChatApiResult.NotConfigured => "未配置 WeChat:AppId / WeChat:AppSecret，无法调用微信接口",
        _ => $"{result.ErrCode} {result.ErrMsg}",
    };
}
