using System.Text.RegularExpressions;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Guide.Unanswered;
using ChatAssistant.Knowledge;

namespace ChatAssistant.Guide;

/// <summary>
/// "你是想问：1… 2… 3…": the user picks a topic by number and gets its answer. A user who takes none of them (「都不是」,
/// or another question instead) leaves the question to staff's list of unanswered ones.
/// </summary>
public sealed partial class GuideClarifyFlow(GuideLibrary guides, FeatureOffers offers, IUserRoles roles, UnansweredQuestions unanswered) : Flow
{
    public const string FlowId = "guide.clarify";
    public const string IdsSlot = "ids";

    /// <summary>The question the list was offered for, masked (kept for staff if no topic is taken).</summary>
    public const string QuestionSlot = "question";
    public const char Separator = ',';

    public override string Id => FlowId;

    public override string Title => "志愿指南";

    public override int MaxAttempts => 2;

    public override bool ResumesAfterInterruption => false;

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Refusable(Step.Choose(GuideAnswerStep.Slot, GuideTexts.ClarifyHeading,
            (ctx, _) => Task.FromResult<IReadOnlyList<Choice>>(
                (ctx.Slot(IdsSlot) ?? "").Split(Separator, StringSplitOptions.RemoveEmptyEntries)
                    .Select(guides.For(ctx.Turn.Activity.ChannelId).Find).OfType<GuideEntry>().Select(e => new Choice(e.Id, e.Title)).ToList()),
            whenEmpty: GuideTexts.NotSure,
            footer: GuideTexts.ClarifyFooter,
            rerouteOtherText: true)),
        GuideAnswerStep.Create(guides, offers, roles),
    ];

    // The list's step, with 「都不是」 taken as an answer (sorry, and what to do now) rather than as a new question, and
    // the question recorded for staff whenever no topic was taken.
    private FlowStep Refusable(FlowStep choose) => new()
    {
        Name = choose.Name,
        Prompt = choose.Prompt,
        Handle = async (ctx, input, ct) =>
        {
            if (NoneOfThem(input))
            {
                Refused(ctx);
                await ctx.SendAsync(GuideTexts.NoneOfThem, ct);
                return StepResult.End();
            }
            var result = await choose.Handle(ctx, input, ct);
            if (result.Outcome == StepOutcome.Reroute) Refused(ctx);
            return result;
        },
    };

    private void Refused(FlowContext ctx)
    {
        if (ctx.Slot(QuestionSlot) is { Length: > 0 } question)
            unanswered.Record(ctx.Turn.Activity.ChannelId, UnansweredKinds.ClarifyRefused, question, null);
    }

    private static bool NoneOfThem(string? input) => Replies.IsNo(input) || NoneOfThemPattern().IsMatch(Replies.Normalize(input));

    [GeneratedRegex(@"^(都|全都|全|也)?(不是|不对|没有|不太对)(我要的|我想问的|我想要的|这些|这几个|要找的)?(的)?(啊|呀|哦|耶|吧)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NoneOfThemPattern();
}
