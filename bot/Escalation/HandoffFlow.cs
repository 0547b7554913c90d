using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Escalation;

/// <summary>The "转人工" menu entry: hands the conversation to a person at once.</summary>
public sealed class HandoffFlow(IHandoffService handoff) : Flow
{
    public const string FlowId = "handoff";

    public override string Id => FlowId;

    public override string Title => "转人工";

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("request", async (ctx, ct) =>
        {
            await handoff.RequestAsync(ctx.Turn, ctx.Conversation, HandoffReason.UserAsked, ct);
            return StepResult.End();
        }),
    ];
}
