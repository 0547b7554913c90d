using Microsoft.Extensions.Configuration;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>Settings of the WeChat Official Account channel, bound from the <c>WeChat</c> configuration section.</summary>
public sealed class WeChatOptions
{
    public const string Section = "WeChat";
    public const string DefaultApiBaseUrl = "https://api.weixin.qq.com";

    /// <summary>The token entered on the account's server configuration page (3–32 letters or digits).</summary>
    public string? Token { get; set; }

    /// <summary>The account's AppID; decrypted messages must name it.</summary>
    public string? AppId { get; set; }

    /// <summary>The AppSecret, needed for the access token (customer-service, template and menu calls).</summary>
    public string? AppSecret { get; set; }

    /// <summary>The 43-character EncodingAESKey, needed for compatible and safe mode.</summary>
    public string? EncodingAESKey { get; set; }

    /// <summary>
    /// What the account's 消息加解密方式 is set to on WeChat's side: <c>plain</c>, <c>compatible</c> or <c>safe</c>
    /// (any letter case). Unset: <c>safe</c> when <see cref="EncodingAESKey"/> is set, else <c>plain</c>. Read it
    /// through <see cref="AccountMode"/>.
    /// </summary>
    public string? Mode { get; set; }

    /// <summary>The account's mode: <see cref="Mode"/>, or its default (safe with an EncodingAESKey, plain without).</summary>
    public WeChatAccountMode AccountMode => ModeIsSet
        ? (WeChatAccountModes.TryParse(Mode, out var mode) ? mode : WeChatAccountMode.Safe) // malformed stops the start; never weaker meanwhile
        : HasEncodingAESKey ? WeChatAccountMode.Safe : WeChatAccountMode.Plain;

    /// <summary>True when <see cref="Mode"/> is given (an empty value counts as unset).</summary>
    public bool ModeIsSet => !string.IsNullOrWhiteSpace(Mode);

    /// <summary>True when an EncodingAESKey is given (well-formed or not: the validator says which).</summary>
    public bool HasEncodingAESKey => !string.IsNullOrEmpty(EncodingAESKey);

    /// <summary>Days a message that could not be delivered is kept for staff (<c>wechat_undelivered</c>) before it is deleted.</summary>
    public int UndeliveredRetentionDays { get; set; } = 30;

    /// <summary>Base address of the WeChat API; tests and demos point it at a local fake.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>How long a request waits for the turn before answering <c>success</c> and delivering later (WeChat waits 5 s).</summary>
    public TimeSpan ReplyDeadline { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How far a request's timestamp may be from now.</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>The longest <see cref="TimestampWindow"/> the validator accepts (the key grouping relies on it).</summary>
    public static readonly TimeSpan MaxTimestampWindow = TimeSpan.FromHours(1);

    /// <summary>Largest accepted request body; a real message is a few KB.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Customer-service messages allowed per user message within 48 hours (WeChat's rule since 2023-06).</summary>
    public int CustomerServiceQuota { get; set; } = 5;

    /// <summary>Customer-service messages allowed within one minute of a menu click, subscribe or scan.</summary>
    public int EventQuota { get; set; } = 3;

    /// <summary>Messages (and menu clicks, scans) one user may send per minute before the bot answers "too fast" instead of running a turn; bursts of half as many pass at once. 0 turns the limit off.</summary>
    public int UserMessagesPerMinute { get; set; } = 20;

    /// <summary>Template ids by the key the bot uses (e.g. <c>WeChat:Templates:duty_reminder</c>), for messages outside the 48-hour window.</summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The name the account's users know it by (its Official Account's name); unset: the assistant's own.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The counties the account serves (its help requests list these); empty: every configured county.</summary>
    public List<string> Counties { get; set; } = [];

    /// <summary>A folder of guide content laid over the shared guide for this account's users (entries added, replaced, hidden).</summary>
    public string? GuideOverlay { get; set; }

    /// <summary>The account's own 爱心超市 catalogue file (YAML, as <c>Hours:CatalogueFile</c>); unset: the shared one.</summary>
    public string? Catalogue { get; set; }

    /// <summary>
    /// True when any identifying setting is present. With none, the server still starts (the embedded
    /// demo default) and <c>/api/wechat</c> answers 503: a made-up token would let anyone post as WeChat.
    /// </summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Token) || !string.IsNullOrWhiteSpace(AppId)
        || !string.IsNullOrWhiteSpace(AppSecret) || !string.IsNullOrWhiteSpace(EncodingAESKey);

    /// <summary>True when the API can be called (an AppId and an AppSecret are set).</summary>
    public bool CanCallApi => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppSecret);

    /// <summary>
    /// Further Official Accounts served by this process, by name (<c>WeChat:Accounts:{name}:AppId</c>, <c>:Token</c>,
    /// <c>:AppSecret</c>, <c>:EncodingAESKey</c>, <c>:Mode</c>, <c>:Templates:{key}</c>), each at <c>/api/wechat/{name}</c>.
    /// Every other setting of this section (deadlines, quotas, limits, the API's address) is shared by all accounts.
    /// </summary>
    public Dictionary<string, WeChatOptions> Accounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>True when this account or any of <see cref="Accounts"/> is configured: real people write in.</summary>
    public bool AnyAccount => Enabled || Accounts.Count > 0;

    /// <summary>
    /// <see cref="AnyAccount"/> read from <paramref name="configuration"/> itself, for decisions made before the options
    /// are validated (mapping endpoints, other settings' validators), so a bad WeChat setting is reported with the others.
    /// </summary>
    public static bool AnyAccountIn(IConfiguration configuration)
    {
        var options = new WeChatOptions();
        configuration.GetSection(Section).Bind(options);
        return options.AnyAccount;
    }

    /// <summary>
    /// The settings of the account <paramref name="name"/> of <see cref="Accounts"/>: its own identity (AppId, Token,
    /// AppSecret, EncodingAESKey, Mode, Templates) and content (DisplayName, Counties, GuideOverlay, Catalogue) over this section's shared settings.
    /// </summary>
    public WeChatOptions ForAccount(string name)
    {
        var own = Accounts[name];
        var merged = (WeChatOptions)MemberwiseClone();
        merged.Token = own.Token;
        merged.AppId = own.AppId;
        merged.AppSecret = own.AppSecret;
        merged.EncodingAESKey = own.EncodingAESKey;
        merged.Mode = own.Mode;
        merged.Templates = new Dictionary<string, string>(own.Templates, StringComparer.Ordinal);
        merged.DisplayName = own.DisplayName;
        merged.Counties = [.. own.Counties];
        merged.GuideOverlay = own.GuideOverlay;
        merged.Catalogue = own.Catalogue;
        merged.Accounts = new(StringComparer.Ordinal);
        return merged;
    }
}
