using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation;

/// <summary>
/// A message while a flow runs: an answer to its question, another request (which interrupts it, asking first when
/// it holds the user's answers), or a question (answered in place, then the flow goes on).
/// </summary>
public sealed partial class ChatBot
{
    // A flow that hands the message back lets the one underneath read it; no message goes round more than this.
    private const int MaxPasses = 4;

    private async Task<string> RouteInFlowAsync(ITurnContext turn, ConversationData data, string text, bool menuShown, CancellationToken ct)
    {
        // 菜单 was the last answer: its numbers are what the user is looking at.
        if (menuShown && Replies.Number(text) is { } picked && _router.ByMenuNumber(picked) is { } fromMenu)
        {
            await StartOrResumeAsync(turn, data, fromMenu, text, ct);
            return "menu " + fromMenu.FlowId;
        }
        var request = _router.Match(text) is { Intent.Interrupts: true } m ? m : null;
        // A strong match is another request before the flow sees it (or, for the flow already running, its restart),
        // except for the flow holding answers it names ("我要心理疏导" at the help request's category): the flow
        // reads it first.
        var sameHeld = request is not null && request.Intent.FlowId == _engine.Active(data)!.Id && _engine.HoldsAnswers(data);
        if (request is not null && !sameHeld && request.IsStrong)
            return await InterruptAsync(turn, data, request.Intent, text, ct);

        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var active = _engine.Active(data);
            if (active is null) return await RouteNewAsync(turn, data, text, menuShown: false, ct);
            var reply = await _engine.AnswerAsync(turn, data, text, ct);
            switch (reply.Kind)
            {
                case FlowReplyKind.Taken:
                    return "flow " + active.Id;
                case FlowReplyKind.Rerouted:
                    continue; // the flow ended and handed the text back: the one underneath, or routing, reads it
            }
            // Not an answer to the question. A user's account of what happened is theirs to word, so only a strong
            // match (above) takes it elsewhere; at any other step a request the router knows is a new request.
            if (request is not null && !_engine.AwaitsAccount(data)) return await InterruptAsync(turn, data, request.Intent, text, ct);
            if (IntentRouter.IsQuestion(text)) return await AnswerInPlaceAsync(turn, data, text, ct);
            if (data.GentleCheckThisTurn is { } check)
            {
                // Distress that answers nothing the flow asked: the gentle check, and the way back to the flow.
                await SayAsync(turn, check, ct);
                data.SafetyRepliesInARow = data.SafetyRepliesBeforeThisTurn + 1;
                await SayAsync(turn, Safety.SafetyTexts.ResumeHint(active.Title), ct);
                return "gentle check during " + active.Id;
            }
            await _engine.RefuseAsync(turn, data, reply, ct);
            return "flow miss " + active.Id;
        }
        await FallbackAsync(turn, data, text, ct);
        return "fallback after reroutes";
    }

    /// <summary>
    /// Another request while a flow runs. A flow holding the user's answers is not thrown away: asked again for
    /// itself, it goes on where it was; for something that asks questions of its own, the user is asked first
    /// whether to put it down. A look-up (我的积分) answers on top and the flow comes back by itself.
    /// </summary>
    private async Task<string> InterruptAsync(ITurnContext turn, ConversationData data, Intent intent, string text, CancellationToken ct)
    {
        var current = _engine.Active(data)!;
        if (await _engine.ResumeHeldAsync(turn, data, intent.FlowId, ct)) return "resumed " + intent.FlowId;
        if (current.Id != intent.FlowId && _engine.HoldsAnswers(data) && _engine.AsksSomething(intent.FlowId))
        {
            await AskBeforeStartAsync(turn, data, intent, text, AskBeforeStartFlow.Leave, current.Title, ct);
            return "asked before leaving " + current.Id;
        }
        await StartAsync(turn, data, intent, text, ct);
        return "interrupt " + intent.FlowId;
    }

    /// <summary>A question that is no answer to the step: the guide answers it, and the flow asks its question again.</summary>
    private async Task<string> AnswerInPlaceAsync(ITurnContext turn, ConversationData data, string text, CancellationToken ct)
    {
        var frame = data.Flows[^1];
        await FallbackAsync(turn, data, text, ct);
        // Unless the guide put a list of topics on top (the flow comes back after it) or a person took over.
        if (!data.InHandoff && data.Flows.Count > 0 && ReferenceEquals(data.Flows[^1], frame)) await _engine.ResumeAsync(turn, data, ct);
        return "question during " + frame.FlowId;
    }

    private Task AskBeforeStartAsync(ITurnContext turn, ConversationData data, Intent intent, string text, string kind, string title, CancellationToken ct, int? number = null)
    {
        var slots = new Dictionary<string, string>
        {
            [AskBeforeStartFlow.IntentSlot] = intent.Id,
            [AskBeforeStartFlow.RequestSlot] = text,
            [AskBeforeStartFlow.KindSlot] = kind,
            [AskBeforeStartFlow.TitleSlot] = title,
            [AskBeforeStartFlow.NumberSlot] = number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
        return _engine.StartAsync(turn, data, AskBeforeStartFlow.FlowId, slots, ct);
    }

    private async Task StartOrResumeAsync(ITurnContext turn, ConversationData data, Intent intent, string text, CancellationToken ct)
    {
        if (!await _engine.ResumeHeldAsync(turn, data, intent.FlowId, ct)) await StartAsync(turn, data, intent, text, ct);
    }
}
