using ChatAssistant.Adapters.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeCom;

/// <summary>
/// The WeCom app's card calls, over the app's <see cref="WeChatApi"/> (its shared token, refreshed once when refused):
/// <c>message/send</c> with a <c>button_interaction</c> template card, and <c>message/update_template_card</c>.
/// </summary>
public sealed class WeComCards([FromKeyedServices(WeComOptions.AccountName)] WeChatApi api)
{
    /// <summary>Sends <paramref name="card"/> to the members <paramref name="userIds"/> (one call, WeCom's <c>a|b|c</c>).</summary>
    public Task<WeComSendResult> SendAsync(IReadOnlyCollection<string> userIds, WeComCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var body = new
        {
            touser = string.Join('|', userIds),
            msgtype = "template_card",
            agentid = api.AgentIdNumber,
            template_card = new
            {
                card_type = "button_interaction",
                main_title = new { title = card.Title, desc = card.Description },
                horizontal_content_list = card.Lines.Select(l => new { keyname = l.Key, value = l.Value }).ToArray(),
                task_id = card.TaskId,
                button_list = new[] { new { text = card.ButtonText, style = 1, key = card.ButtonKey } },
            },
        };
        return api.CallApiAsync("cgi-bin/message/send", body, (code, reason) => new WeComSendResult(code, reason), r => r.Result, cancellationToken);
    }

    /// <summary>
    /// Replaces the button of the card sent to <paramref name="userIds"/> with the text <paramref name="replaceName"/>
    /// (greyed out), using a <paramref name="responseCode"/> from the send or from a button press (each works once).
    /// </summary>
    public Task<WeChatApiResult> UpdateButtonAsync(IReadOnlyCollection<string> userIds, string responseCode, string replaceName, CancellationToken cancellationToken) =>
        api.CallApiAsync("cgi-bin/message/update_template_card", new
        {
            userids = userIds.ToArray(),
            agentid = api.AgentIdNumber,
            response_code = responseCode,
            button = new { replace_name = replaceName },
        }, cancellationToken);

    /// <summary>A text to one member (<c>message/send</c>, msgtype text).</summary>
    public Task<WeChatApiResult> SendTextAsync(string userId, string text, CancellationToken cancellationToken) =>
        api.SendCustomTextAsync(userId, text, cancellationToken);
}
