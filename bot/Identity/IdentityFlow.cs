using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Identity;

/// <summary>绑定: "绑定 12345678" (or "绑定 1234 5678") binds at once; "绑定" asks for the code.</summary>
public sealed class IdentityFlow(IdentityService identity) : Flow
{
    public const string FlowId = "identity.bind";

    /// <summary>The slots this flow keeps its answers in (each named after the step that asks for it).</summary>
    private static class Slots
    {
        public const string Code = "code";
    }

    public override string Id => FlowId;

    public override string Title => "身份绑定";

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("fromUtterance", async (ctx, ct) =>
        {
            if (BindingCodeText.Find(ctx.Slot(FlowSlots.Utterance)) is { } code)
            {
                ctx.Slots[Slots.Code] = code;
                return StepResult.GoTo("bind");
            }
            // 「绑定」 alone from an account already bound: said so, rather than asking for a code it does not need.
            if (identity.BoundMember(ctx.UserId) is not { } already) return StepResult.Next();
            await ctx.SendAsync(IdentityTexts.AlreadyBound(already), ct);
            return StepResult.End();
        }),
        Step.Ask(Slots.Code, _ => IdentityTexts.AskCode, (_, input) =>
            BindingCodeText.Find(input) is { } code ? Validation.Accept(code) : Validation.Reject(IdentityTexts.CodeFormat)),
        Step.Do("bind", async (ctx, ct) =>
        {
            var result = await identity.BindWithCodeAsync(ctx.UserId, ctx.Slot(Slots.Code)!, ct);
            await ctx.SendAsync(result.Status switch
            {
                BindStatus.Bound => IdentityTexts.Bound(result.Member!),
                BindStatus.Expired => IdentityTexts.Expired(result.AttemptsLeft),
                BindStatus.AlreadyUsed => IdentityTexts.AlreadyUsed(result.AttemptsLeft),
                BindStatus.LockedOut => IdentityTexts.LockedOut,
                BindStatus.Paused => IdentityTexts.Paused,
                BindStatus.BoundToAnotherAccount => IdentityTexts.BoundToAnotherAccount,
                BindStatus.AlreadyBound => IdentityTexts.AlreadyBound(result.Member!),
                _ => IdentityTexts.WrongCode(result.AttemptsLeft),
            }, ct);
            return StepResult.End();
        }),
    ];
}
