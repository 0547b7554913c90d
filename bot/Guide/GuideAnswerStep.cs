using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Knowledge;

namespace ChatAssistant.Guide;

/// <summary>
/// Sends the answer of the entry a guide list's step (named <see cref="Slot"/>) has put in its slot, with its
/// feature's offer, as a direct answer has.
/// </summary>
internal static class GuideAnswerStep
{
    /// <summary>The slot, and the name of the list's step, holding the id of the entry picked.</summary>
    public const string Slot = "entry";

    public static FlowStep Create(GuideLibrary guides, FeatureOffers offers, IUserRoles roles) => Step.Do("answer", async (ctx, ct) =>
    {
        var entry = guides.For(ctx.Turn.Activity.ChannelId).Find(ctx.Slot(Slot) ?? "");
        await ctx.SendAsync(entry is null ? GuideTexts.NotSure : GuideTexts.Answer(entry.Answer, offers.After(entry, roles.Of(ctx.UserId))), ct);
        return StepResult.End();
    });
}
