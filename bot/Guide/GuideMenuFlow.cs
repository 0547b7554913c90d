using ChatAssistant.Conversation.Flows;
using ChatAssistant.Knowledge;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Guide;

/// <summary>The 志愿指南 menu entry: common topics by number.</summary>
public sealed class GuideMenuFlow(KnowledgeBase guide, IOptions<GuideOptions> options) : Flow
{
    public const string FlowId = "guide.menu";

    public override string Id => FlowId;

    public override string Title => "志愿指南";

    public override int MaxAttempts => 2;

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Choose("entry", GuideTexts.MenuHeading, (_, _) => Task.FromResult(Topics()), whenEmpty: GuideTexts.NotSure, footer: GuideTexts.MenuFooter, rerouteOtherText: true),
        GuideAnswerStep.Create(guide),
    ];

    private IReadOnlyList<Choice> Topics()
    {
        var configured = options.Value.MenuEntries.Select(guide.Find).OfType<GuideEntry>().ToList();
        var entries = configured.Count > 0 ? configured : guide.Entries.Take(8).ToList();
        return entries.Select(e => new Choice(e.Id, e.Title)).ToList();
    }
}
