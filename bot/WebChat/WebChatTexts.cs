namespace ChatAssistant.WebChat;

/// <summary>What the web chat itself says (the bot's own answers are the bot's).</summary>
public static class WebChatTexts
{
    public const string Empty = "请先输入想问的内容，再点「发送」。";

    public static string TooLong(int max) => $"一条消息最多 {max} 个字，请分几次发送。";

    public const string TooFast = "发得太快了，请稍等一会儿再发。";

    public const string Unavailable = "助手暂时忙不过来，请稍后再试。";
}
