namespace ChatAssistant.Adapters.WeChat;

/// <summary>Which member of the WeChat family an account is: what its API calls and its callbacks look like.</summary>
public enum WeChatAccountKind
{
    /// <summary>An Official Account (公众号): <c>cgi-bin/token</c>, customer-service sends, plain/compatible/safe callbacks.</summary>
    OfficialAccount,

    /// <summary>
    /// A WeCom self-built app (企业微信自建应用): <c>cgi-bin/gettoken?corpid&amp;corpsecret</c>, <c>cgi-bin/message/send</c>,
    /// callbacks always encrypted and signed with <c>msg_signature</c> only, the CorpID as the receive id.
    /// </summary>
    WeComApp,
}
