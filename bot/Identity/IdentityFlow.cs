using System.Text.RegularExpressions;
using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Identity;

/// <summary>绑定: "绑定 12345678" binds at once; "绑定" asks for the code.</summary>
public sealed partial class IdentityFlow(IdentityService identity) : Flow
{
    public const string FlowId = "identity.bind";

    public override string Id => FlowId;

    public override string Title => "身份绑定";

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("fromUtterance", (ctx, _) =>
        {
            var code = Code().Match(ctx.Slot("utterance") ?? "");
            if (!code.Success) return Task.FromResult(StepResult.Next());
            ctx.Slots["code"] = code.Value;
            return Task.FromResult(StepResult.GoTo("bind"));
        }),
        Step.Ask("code", _ => IdentityTexts.AskCode, (_, input) =>
        {
            var code = Code().Match(input);
            return code.Success ? Validation.Accept(code.Value) : Validation.Reject(IdentityTexts.CodeFormat);
        }),
        Step.Do("bind", async (ctx, ct) =>
        {
            var result = identity.Bind(ctx.UserId, ctx.Slot("code")!);
            await ctx.SendAsync(result.Status switch
            {
                BindStatus.Bound => IdentityTexts.Bound(result.Member!),
                BindStatus.Expired => IdentityTexts.Expired(result.AttemptsLeft),
                BindStatus.AlreadyUsed => IdentityTexts.AlreadyUsed(result.AttemptsLeft),
                BindStatus.LockedOut => IdentityTexts.LockedOut,
                BindStatus.BoundToAnotherAccount => IdentityTexts.BoundToAnotherAccount,
                _ => IdentityTexts.WrongCode(result.AttemptsLeft),
            }, ct);
            return StepResult.End();
        }),
    ];

    [GeneratedRegex(@"(?<!\d)\d{8}(?!\d)")]
    internal static partial Regex Code();
}
