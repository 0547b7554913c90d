namespace ChatAssistant.Adapters.WeChat;

/// <summary>Builds passive replies: a text message, wrapped in the encrypted envelope when the request was encrypted.</summary>
internal static class WeChatReplyXml
{
    public static string Text(string toUser, string fromAccount, DateTimeOffset now, string content) => WeChatXml.Write(
    [
        new("ToUserName", toUser),
        new("FromUserName", fromAccount),
        new("CreateTime", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("MsgType", "text"),
        new("Content", content),
    ]);

    /// <summary>The safe-mode envelope: Encrypt, MsgSignature, TimeStamp, Nonce.</summary>
    public static string Encrypted(WeChatCipher cipher, string token, string reply, string timestamp, string nonce, byte[]? random16 = null)
    {
        var encrypted = cipher.Encrypt(reply, random16);
        return WeChatXml.Write(
        [
            new("Encrypt", encrypted),
            new("MsgSignature", WeChatSignature.Compute(token, timestamp, nonce, encrypted)),
            new("TimeStamp", timestamp),
            new("Nonce", nonce),
        ]);
    }
}
