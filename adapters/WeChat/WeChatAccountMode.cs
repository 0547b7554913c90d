namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// What the account's 消息加解密方式 is set to on WeChat's side (<c>WeChat:Mode</c>): which forms of message WeChat
/// sends, so which forms the adapter takes. The mode is configuration, never the request's say-so: a request in a
/// form the account does not send is not WeChat's.
/// </summary>
public enum WeChatAccountMode
{
    /// <summary>明文: plain messages only; the query <c>signature</c> is all that vouches for them (it does not cover the body).</summary>
    Plain,

    /// <summary>兼容: WeChat sends both the plain fields and <c>Encrypt</c>; plain and encrypted requests are taken.</summary>
    Compatible,

    /// <summary>安全: encrypted only (<c>encrypt_type=aes</c> and a valid <c>msg_signature</c>); a plain request is refused.</summary>
    Safe,
}

/// <summary>Reads <c>WeChat:Mode</c>.</summary>
public static class WeChatAccountModes
{
    /// <summary>The setting's words, as an operator writes them (any letter case).</summary>
    public const string Words = "plain, compatible or safe";

    /// <summary>Parses plain, compatible or safe in any letter case; nothing else (no numbers, no other words).</summary>
    public static bool TryParse(string? value, out WeChatAccountMode mode)
    {
        (var ok, mode) = value?.ToLowerInvariant() switch
        {
            "plain" => (true, WeChatAccountMode.Plain),
            "compatible" => (true, WeChatAccountMode.Compatible),
            "safe" => (true, WeChatAccountMode.Safe),
            _ => (false, WeChatAccountMode.Plain),
        };
        return ok;
    }

    /// <summary>The word for <paramref name="mode"/>, as logs and docs write it.</summary>
    public static string Word(this WeChatAccountMode mode) => mode switch
    {
        WeChatAccountMode.Compatible => "compatible",
        WeChatAccountMode.Safe => "safe",
        _ => "plain",
    };
}
