using System.Globalization;
using ChatAssistant.Adapters;
using ChatAssistant.Adapters.WeChat;

namespace ChatAssistant.Hosting.WeChat;

/// <summary>
/// Proactive sends (staff replies, reminders) for WeChat users: a configured template when the message names
/// one (it reaches users outside the 48-hour window), else — or when the template fails — the text through the
/// customer-service API under the window and quota rules. Failures come back with WeChat's code and are
/// recorded for staff (in wechat_undelivered unless the message says its sender keeps them). Reached through
/// <see cref="ChannelMessengers"/> for the account's channel id.
/// </summary>
public sealed class WeChatUserMessenger(WeChatMessenger messenger, WeChatAccount account) : IChannelMessenger
{
    public string ChannelId => account.ChannelId;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);

        if (message.TemplateKey is { } key && account.Options.Templates.TryGetValue(key, out var templateId))
        {
            var template = new WeChatTemplateMessage(message.UserId, templateId, message.TemplateFields ?? new Dictionary<string, string>());
            if ((await messenger.SendTemplateAsync(template, cancellationToken, recordFailure: false).ConfigureAwait(false)).Succeeded)
                return DeliveryResult.Ok();
        }
        var result = await messenger.SendTextAsync(message.UserId, message.Text, cancellationToken, message.RecordIfUndelivered).ConfigureAwait(false);
        return result.Succeeded
            ? DeliveryResult.Ok()
            : DeliveryResult.Failed(result.ErrCode.ToString(CultureInfo.InvariantCulture), WeChatTexts.FailureReason(result));
    }
}
