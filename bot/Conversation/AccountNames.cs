using ChatAssistant.Adapters.WeChat;

namespace ChatAssistant.Conversation;

/// <summary>
/// The name each account's users know the assistant by (<c>WeChat:DisplayName</c>, <c>WeChat:Accounts:{name}:DisplayName</c>):
/// the welcome and the staff's greeting say it. Channels without one say <see cref="Default"/>.
/// </summary>
public sealed class AccountNames
{
    /// <summary>The assistant's own name.</summary>
    public const string Default = "团团小助手";

    private readonly Dictionary<string, string> _byChannel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountLabel> _accounts = new(StringComparer.Ordinal);

    public AccountNames(WeChatOptions? wechat)
    {
        if (wechat is null) return;
        if (!string.IsNullOrWhiteSpace(wechat.DisplayName)) _byChannel[WeChatAdapter.ChannelId] = wechat.DisplayName.Trim();
        if (!string.IsNullOrWhiteSpace(wechat.Token))
            _accounts[WeChatAdapter.ChannelId] = new AccountLabel(WeChatAccount.DefaultName, Label(WeChatAccount.DefaultName, wechat.DisplayName));
        foreach (var (name, own) in wechat.Accounts)
        {
            var channel = WeChatAccount.Configured(name, wechat).ChannelId;
            if (!string.IsNullOrWhiteSpace(own.DisplayName)) _byChannel[channel] = own.DisplayName.Trim();
            _accounts[channel] = new AccountLabel(name, Label(name, own.DisplayName));
        }

        static string Label(string name, string? display) => string.IsNullOrWhiteSpace(display) ? name : display.Trim();
    }

    /// <summary>The name shown on the channel <paramref name="channelId"/>.</summary>
    public string For(string? channelId) => channelId is not null && _byChannel.TryGetValue(channelId, out var name) ? name : Default;

    /// <summary>
    /// The Official Account a record of <paramref name="channelId"/> came through (its setting name and how staff know
    /// it), or null for other channels (the web chat).
    /// </summary>
    public AccountLabel? AccountOf(string? channelId) => channelId is not null && _accounts.TryGetValue(channelId, out var a) ? a : null;

    /// <summary>The configured Official Accounts, in the order of the settings.</summary>
    public IReadOnlyCollection<AccountLabel> Accounts => _accounts.Values;
}

/// <summary>An Official Account as staff see it: its setting name (<c>jinhua</c>, <c>default</c>) and its display name.</summary>
public sealed record AccountLabel(string Name, string DisplayName);
