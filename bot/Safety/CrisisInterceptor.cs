using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Knowledge.Safety;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Safety;

/// <summary>
/// Before anything else, every message passes the crisis check. A crisis gets the safety message (12355 / 110 / 120)
/// and an urgent hand-off that staff see with its category and signal; a running flow keeps its place (a help request's
/// description written in crisis is kept as the answer) and 「继续」 goes back to it. Distress without a clear danger
/// gets a gentle check instead of 「不太确定」 (or, inside a flow's question, before it is asked again); inside a help
/// request's description the words are the answer, and while a person has the conversation they read it and judge.
/// </summary>
public sealed class CrisisInterceptor(CrisisDetector detector, IHandoffService handoff, FlowEngine engine, ILogger<CrisisInterceptor> log) : IMessageInterceptor
{
    /// <summary>Runs before every other interceptor (hand-off forwarding included).</summary>
    public const int InterceptorOrder = -1000;

    public int Order => InterceptorOrder;

    public async Task<bool> TryHandleAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken)
    {
        var assessment = detector.Assess(text);
        var inARow = data.SafetyRepliesInARow;
        data.SafetyRepliesInARow = 0;
        data.SafetyRepliesBeforeThisTurn = inARow;
        switch (assessment.Level)
        {
            case CrisisLevel.Crisis:
                await CrisisAsync(turn, data, text, assessment, inARow, cancellationToken);
                return true;
            case CrisisLevel.Check when !engine.AwaitsAccount(data):
                // While a person has the conversation, they read it and judge: the forwarding records it.
                if (data.InHandoff) return false;
                // A request in it is still served (「好烦，查下我的时长」) and an answer to the question a flow asked is
                // taken (「别的地方」 at the county list); only a message nothing answers gets the gentle check, instead
                // of 「不太确定」 or a flow's refusal (the guide's fallback and ChatBot's flow handling read this).
                data.GentleCheckThisTurn = SafetyTexts.Check(inARow);
                return false;
            default:
                return false;
        }
    }

    private async Task CrisisAsync(ITurnContext turn, ConversationData data, string text, CrisisAssessment assessment, int inARow, CancellationToken cancellationToken)
    {
        // Never log the message or who sent it: only that it happened and why.
        log.LogWarning("Crisis detected on {ChannelId} ({Category}, {Signal}); urgent hand-off requested", turn.Activity.ChannelId, assessment.Category, assessment.Signal);
        var reply = SafetyTexts.Crisis(inARow);
        await SayAsync(turn, reply, cancellationToken);
        data.SafetyRepliesInARow = inARow + 1;
        var withAPerson = data.InHandoff;
        // The words answered a request for an account of what happened (a help request's description): kept, so they need not be retyped.
        if (!withAPerson) await engine.TryKeepAnswerAsync(turn, data, text, cancellationToken);
        var notice = new CrisisNotice(assessment.Category?.ToString() ?? nameof(CrisisCategory.Suicide), assessment.Signal, reply);
        await handoff.RequestAsync(turn, data, HandoffReason.Crisis, cancellationToken, notice);
        if (!withAPerson && engine.Active(data) is { } flow) await SayAsync(turn, SafetyTexts.ResumeHint(flow.Title), cancellationToken);
    }

    private static Task SayAsync(ITurnContext turn, string text, CancellationToken ct) => turn.SendActivityAsync(MessageFactory.Text(text), ct);
}
