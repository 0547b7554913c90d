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
