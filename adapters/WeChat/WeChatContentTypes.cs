namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Attachment content types of the non-text messages the adapter passes to the bot (image, location,
/// link, video…). Such a message activity has empty <c>Text</c> and one attachment of one of these
/// types, so the bot can answer politely that it reads only text.
/// </summary>
public static class WeChatContentTypes
{
    public const string Prefix = "application/vnd.wechat.";
    public const string Image = Prefix + "image";
    public const string Video = Prefix + "video";
    public const string ShortVideo = Prefix + "shortvideo";
    public const string Location = Prefix + "location";
    public const string Link = Prefix + "link";

    /// <summary>Content type for a WeChat message type.</summary>
    public static string For(string msgType) => Prefix + msgType.ToLowerInvariant();
}
