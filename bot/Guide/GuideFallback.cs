using ChatAssistant.Adapters.Telemetry;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Guide.Unanswered;
using ChatAssistant.Knowledge;
using ChatAssistant.Security;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Guide;

/// <summary>
/// Answers whatever no intent matched from the volunteer guide: a confident answer, a numbered choice of
/// close topics, small talk, or an honest "not sure" that offers a person. An answer about a feature is followed by
/// the feature as an offer, or by how to bind for a user who cannot use it yet (<see cref="FeatureOffers"/>). A question
/// it is not sure of is kept for staff (<see cref="UnansweredQuestions"/>), and so is one answered, should the user ask
/// for a person next (<see cref="GuideFollowUp"/>).
/// </summary>
public sealed class GuideFallback(GuideLibrary guides, FlowEngine engine, FeatureOffers offers, IUserRoles roles, UnansweredQuestions unanswered) : IFallbackHandler
{
    public async Task<bool> HandleAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken)
    {
        var result = guides.For(turn.Activity.ChannelId).Ask(text);
        if (data.GentleCheckThisTurn is { } check && result is not GuideResult.Answer)
        {
            // Distress the guide has no answer for: a gentle check, never 「不太确定」 or a list of topics.
            TurnAnswer.Note(turn, AssistantTelemetry.Kinds.NotSure, (result as GuideResult.NotSure)?.Nearest?.Title);
            await SayAsync(turn, check, cancellationToken);
            data.SafetyRepliesInARow = data.SafetyRepliesBeforeThisTurn + 1;
            return true;
        }
        switch (result)
        {
            case GuideResult.Answer answer:
                TurnAnswer.Note(turn, AssistantTelemetry.Kinds.Answered);
                GuideFollowUp.Remember(data, text, answer.Entry.Id);
                var then = offers.After(answer.Entry, roles.Of(turn.Activity.From?.Id ?? ""));
                await SayAsync(turn, GuideTexts.Answer(answer.Entry.Answer, then), cancellationToken);
                return true;
            case GuideResult.Clarify clarify:
                TurnAnswer.Note(turn, AssistantTelemetry.Kinds.Clarified);
                var ids = string.Join(GuideClarifyFlow.Separator, clarify.Options.Select(o => o.Id));
                var slots = new Dictionary<string, string> { [GuideClarifyFlow.IdsSlot] = ids, [GuideClarifyFlow.QuestionSlot] = PersonalText.Mask(text) };
                await engine.StartAsync(turn, data, GuideClarifyFlow.FlowId, slots, cancellationToken);
                return true;
            case GuideResult.SmallTalk smallTalk:
                TurnAnswer.Note(turn, AssistantTelemetry.Kinds.SmallTalk);
                await SayAsync(turn, smallTalk.Reply, cancellationToken);
                return true;
            default:
                var nearest = (result as GuideResult.NotSure)?.Nearest;
                TurnAnswer.Note(turn, AssistantTelemetry.Kinds.NotSure, nearest?.Title);
                unanswered.Record(turn.Activity.ChannelId, UnansweredKinds.NotSure, text, nearest?.Id);
                // Offers a person: a short yes as the next message hands over (ChatBot, IHandoffService). Not while a
                // flow waits for an answer (a question answered in place): its 是/好 would be taken for the offer.
                await SayAsync(turn, data.Flows.Count > 0 ? GuideTexts.NotSure : GuideTexts.NotSureOffer, cancellationToken);
                return false;
        }
    }

    private static Task SayAsync(ITurnContext turn, string text, CancellationToken ct) =>
        turn.SendActivityAsync(MessageFactory.Text(text), ct);
}
