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

    public AccountNames(WeChatOptions? wechat)
    {
        if (wechat is null) return;
        if (!string.IsNullOrWhiteSpace(wechat.DisplayName)) _byChannel[WeChatAdapter.ChannelId] = wechat.DisplayName.Trim();
        foreach (var (name, own) in wechat.Accounts)
            if (!string.IsNullOrWhiteSpace(own.DisplayName)) _byChannel[WeChatAccount.Configured(name, wechat).ChannelId] = own.DisplayName.Trim();
    }

    /// <summary>The name shown on the channel <paramref name="channelId"/>.</summary>
    public string For(string? channelId) => channelId is not null && _byChannel.TryGetValue(channelId, out var name) ? name : Default;
}
