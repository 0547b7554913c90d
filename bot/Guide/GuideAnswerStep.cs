using ChatAssistant.Conversation.Flows;
using ChatAssistant.Knowledge;

namespace ChatAssistant.Guide;

/// <summary>Sends the answer of the entry a guide list's step (named <see cref="Slot"/>) has put in its slot.</summary>
internal static class GuideAnswerStep
{
    /// <summary>The slot, and the name of the list's step, holding the id of the entry picked.</summary>
    public const string Slot = "entry";

    public static FlowStep Create(KnowledgeBase guide) => Step.Do("answer", async (ctx, ct) =>
    {
        var entry = guide.Find(ctx.Slot(Slot) ?? "");
        await ctx.SendAsync(entry is null ? GuideTexts.NotSure : GuideTexts.Answer(entry.Answer), ct);
        return StepResult.End();
    });
}
