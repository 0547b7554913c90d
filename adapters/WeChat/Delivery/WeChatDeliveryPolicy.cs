using ChatAssistant.Adapters.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// WeChat's customer-service rules, counted per user in <see cref="IKeyValueCache"/>: a user message opens
/// 48 hours with <see cref="WeChatOptions.CustomerServiceQuota"/> messages; a menu click, subscribe or scan
/// opens one minute with <see cref="WeChatOptions.EventQuota"/>. When no window is known (e.g. the in-process
/// cache was restarted) the send is attempted and WeChat's own answer (45015) decides — refusing locally
/// would lose a staff reply WeChat would have delivered.
/// </summary>
public sealed class WeChatDeliveryPolicy(IKeyValueCache cache, [FromKeyedServices] WeChatAccount account)
{
    private static readonly TimeSpan MessageWindow = TimeSpan.FromHours(48);
    private static readonly TimeSpan EventWindow = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Opens (or renews) the user's window after an incoming message or event, without waiting for the store:
    /// a lost note only means no window is known, and then WeChat's own answer decides (see above).
    /// </summary>
    public void NoteInbound(string openId, bool userMessage)
    {
        if (account.Kind == WeChatAccountKind.WeComApp) return; // a WeCom app may write to its members at any time
        var (key, length) = userMessage ? (WeChatKeys.MessageWindow(openId), MessageWindow) : (WeChatKeys.EventWindow(openId), EventWindow);
        // The key's own expiry is the window; the value is the sends taken so far (older versions wrote "n|expiry",
        // which TryTakeAsync still counts in).
        cache.Post(key, "0", length);
    }

    /// <summary>
    /// Takes one send from the user's allowance; returns null when allowed, else the refusal (45047). The take is
    /// atomic in the store: a late reply and a staff reply sent at once cannot both take the last send.
    /// </summary>
    public async Task<WeChatApiResult?> TryReserveAsync(string openId, CancellationToken cancellationToken)
    {
        var o = account.Options;
        if (account.Kind == WeChatAccountKind.WeComApp) return null;
        var known = false;
        foreach (var (key, quota) in new[] { (WeChatKeys.MessageWindow(openId), o.CustomerServiceQuota), (WeChatKeys.EventWindow(openId), o.EventQuota) })
        {
            var taken = await cache.TryTakeAsync(key, quota, cancellationToken).ConfigureAwait(false);
            if (taken is null) continue;
            known = true;
            if (taken.Value) return null;
        }
        return known ? new WeChatApiResult(WeChatApiResult.OverQuota, "customer-service quota used up (counted locally)") : null;
    }
}
