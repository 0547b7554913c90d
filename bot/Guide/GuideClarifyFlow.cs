using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Knowledge;

namespace ChatAssistant.Guide;

/// <summary>"你是想问：1… 2… 3…": the user picks a topic by number and gets its answer.</summary>
public sealed class GuideClarifyFlow(GuideLibrary guides, FeatureOffers offers, IUserRoles roles) : Flow
{
    public const string FlowId = "guide.clarify";
    public const string IdsSlot = "ids";
    public const char Separator = ',';

    public override string Id => FlowId;

    public override string Title => "志愿指南";

    public override int MaxAttempts => 2;

    public override bool ResumesAfterInterruption => false;

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Choose(GuideAnswerStep.Slot, GuideTexts.ClarifyHeading,
            (ctx, _) => Task.FromResult<IReadOnlyList<Choice>>(
                (ctx.Slot(IdsSlot) ?? "").Split(Separator, StringSplitOptions.RemoveEmptyEntries)
                    .Select(guides.For(ctx.Turn.Activity.ChannelId).Find).OfType<GuideEntry>().Select(e => new Choice(e.Id, e.Title)).ToList()),
            whenEmpty: GuideTexts.NotSure,
            footer: GuideTexts.ClarifyFooter,
            rerouteOtherText: true),
        GuideAnswerStep.Create(guides, offers, roles),
    ];
}
