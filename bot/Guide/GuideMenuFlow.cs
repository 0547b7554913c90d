using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Knowledge;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Guide;

/// <summary>The 志愿指南 menu entry: common topics by number.</summary>
public sealed class GuideMenuFlow(GuideLibrary guides, IOptions<GuideOptions> options, FeatureOffers offers, IUserRoles roles) : Flow
{
    public const string FlowId = "guide.menu";

    public override string Id => FlowId;

    public override string Title => "志愿指南";

    public override int MaxAttempts => 2;

    public override bool ResumesAfterInterruption => false;

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Choose(GuideAnswerStep.Slot, GuideTexts.MenuHeading, (ctx, _) => Task.FromResult(Topics(guides.For(ctx.Turn.Activity.ChannelId))), whenEmpty: GuideTexts.NotSure, footer: GuideTexts.MenuFooter, rerouteOtherText: true),
        GuideAnswerStep.Create(guides, offers, roles),
    ];

    private IReadOnlyList<Choice> Topics(KnowledgeBase guide)
    {
        var ids = options.Value.MenuEntries.Count > 0 ? options.Value.MenuEntries : GuideOptions.DefaultMenuEntries;
        var listed = ids.Select(guide.Find).OfType<GuideEntry>().ToList();
        // A guide without those entries (an operator's own content) lists its first ones.
        var entries = listed.Count > 0 ? listed : guide.Entries.Take(8).ToList();
        return entries.Select(e => new Choice(e.Id, e.Title)).ToList();
    }
}
