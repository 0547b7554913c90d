namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// One account of the WeChat family that this process serves — an Official Account, or a WeCom app (the same
/// WXBizMsgCrypt scheme, with the CorpID where an Official Account has its AppID) — as its callback, API client and
/// delivery see it: the channel id its activities carry, its settings, and the cipher its EncodingAESKey gives.
/// Every piece of the channel that depends on the account takes it from DI as <c>[FromKeyedServices] WeChatAccount</c>:
/// the default account is registered without a key, any further one under its name, and each piece then resolves
/// the account it was registered for (<c>AddWeChatAccount</c> in the host).
/// </summary>
public sealed class WeChatAccount
{
    /// <summary>The account bound from the <c>WeChat</c> section and served at <c>/api/wechat</c>.</summary>
    public const string DefaultName = "default";

    public WeChatAccount(string name, string channelId, WeChatOptions options, WeChatAccountKind kind = WeChatAccountKind.OfficialAccount, string? agentId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        ChannelId = channelId;
        Options = options;
        Kind = kind;
        AgentId = agentId;
        if (WeChatCipherKey.TryParse(options.EncodingAESKey, out var key)) Cipher = new WeChatCipher(key, options.AppId ?? "");
    }

    /// <summary>
    /// The channel id of a configured account: OpenIDs are per AppId, so the same OpenID under two accounts is two
    /// people, with their own sessions, locks, bindings and records (the default account keeps <c>wechat</c>).
    /// </summary>
    public static string ChannelIdOf(string appId) => WeChatAdapter.ChannelId + ":" + appId;

    /// <summary>The account <paramref name="name"/> of <c>WeChat:Accounts</c>.</summary>
    public static WeChatAccount Configured(string name, WeChatOptions section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = section.ForAccount(name);
        return new WeChatAccount(name, ChannelIdOf(options.AppId ?? name), options);
    }

    /// <summary>The default account with the <c>WeChat</c> settings.</summary>
    public static WeChatAccount Default(WeChatOptions options) => new(DefaultName, WeChatAdapter.ChannelId, options);

    /// <summary>The account's name (its DI key, and its callback's last path segment for any but the default).</summary>
    public string Name { get; }

    /// <summary>The <c>ChannelId</c> of the account's activities: its conversations, locks and sessions are its own.</summary>
    public string ChannelId { get; }

    /// <summary>The account's settings.</summary>
    public WeChatOptions Options { get; }

    /// <summary>The server-configuration Token every request is signed with.</summary>
    public string Token => Options.Token ?? "";

    /// <summary>An Official Account, or a WeCom self-built app (always encrypted, its own token and send endpoints).</summary>
    public WeChatAccountKind Kind { get; }

    /// <summary>A WeCom app's AgentId (null for an Official Account): its sends name it, and its token is its own.</summary>
    public string? AgentId { get; }

    /// <summary>True for a WeCom app: every callback is encrypted and signed only with <c>msg_signature</c>.</summary>
    public bool AlwaysEncrypted => Kind == WeChatAccountKind.WeComApp;

    /// <summary>
    /// Whose access token the account shares through the cache: the AppId of an Official Account; a WeCom app's token
    /// belongs to the CorpID and the app's secret, so to the CorpID and the AgentId.
    /// </summary>
    public string TokenOwner => Kind == WeChatAccountKind.WeComApp ? $"{Options.AppId}/{AgentId}" : Options.AppId ?? "";

    /// <summary>Null when no EncodingAESKey is configured (plain mode only).</summary>
    public WeChatCipher? Cipher { get; }
}
