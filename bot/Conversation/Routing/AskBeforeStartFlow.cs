using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Conversation.Routing;

/// <summary>
/// A 是/否 question before starting what the user asked for, when starting it at once could cost them: another
/// request while a flow holds their answers (「要先放下「…」去做新的事吗？」; yes starts it on top and the flow comes
/// back after, no goes on with the flow), or a bare menu number long after the menu was shown. Any other answer is
/// read afresh, as an answer to the flow underneath or as a new message.
/// </summary>
public sealed class AskBeforeStartFlow(IntentRouter router) : Flow
{
    public const string FlowId = "conversation.ask-before-start";

    /// <summary>Slots: the intent asked for, the message that asked, what is asked ("leave" or "menu"), and a title to show.</summary>
    public const string IntentSlot = "intent", RequestSlot = "request", KindSlot = "kind", TitleSlot = "title", NumberSlot = "number";

    public const string Leave = "leave", MenuNumber = "menu";

    public override string Id => FlowId;

    public override string Title => ConversationTexts.NewRequestTitle;

    public override bool ResumesAfterInterruption => false;

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        new FlowStep
        {
            Name = "ask",
            AnswersYesNo = true,
            Prompt = (ctx, ct) => ctx.SendAsync(ctx.Slot(KindSlot) == Leave
                ? ConversationTexts.PutDown(ctx.Slot(TitleSlot) ?? "")
                : ConversationTexts.MenuNumberMeant(ctx.Slot(NumberSlot) ?? "", ctx.Slot(TitleSlot) ?? ""), ct),
            Handle = async (ctx, input, ct) =>
            {
                if (Replies.IsYes(input))
                {
                    if (router.ById(ctx.Slot(IntentSlot) ?? "") is not { } intent) return StepResult.End();
                    var slots = new Dictionary<string, string>(intent.Slots ?? new Dictionary<string, string>()) { [FlowSlots.Utterance] = ctx.Slot(RequestSlot) ?? "" };
                    return StepResult.Switch(intent.FlowId, slots);
                }
                if (Replies.IsNo(input))
                {
                    // Putting nothing down: the flow underneath resumes and asks its question again.
                    if (ctx.Slot(KindSlot) == MenuNumber) await ctx.SendAsync(ConversationTexts.MenuNumberDeclined, ct);
                    return StepResult.End();
                }
                return StepResult.Reroute();
            },
        },
    ];
}
