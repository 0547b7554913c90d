using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Disputes;

/// <summary>
/// Before anything else, a message with a crisis word gets the hotlines (12355, 110, 120) and an urgent
/// hand-off to a person. A running flow keeps its place: the message is not fed to it, and the user can
/// reply 「继续」. While a person already answers the conversation, the message also goes on to them.
/// </summary>
public sealed class CrisisInterceptor(CrisisWords words, IHandoffService handoff, FlowEngine engine, ILogger<CrisisInterceptor> log) : IMessageInterceptor
{
    /// <summary>Runs before every other interceptor (hand-off forwarding included).</summary>
    public const int InterceptorOrder = -1000;

    public int Order => InterceptorOrder;

    public async Task<bool> TryHandleAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken)
    {
        if (!words.Matches(text)) return false;
        // Never log the message or who sent it: only that it happened.
        log.LogWarning("Crisis words detected on {ChannelId}; urgent hand-off requested", turn.Activity.ChannelId);
        await turn.SendActivityAsync(MessageFactory.Text(DisputeTexts.CrisisReply), cancellationToken);
        var alreadyWithAPerson = data.InHandoff;
        await handoff.RequestAsync(turn, data, HandoffReason.Crisis, cancellationToken);
        if (alreadyWithAPerson) return false;
        if (engine.Active(data) is { } flow)
            await turn.SendActivityAsync(MessageFactory.Text(DisputeTexts.CrisisResumeHint(flow.Title)), cancellationToken);
        return true;
    }
}
