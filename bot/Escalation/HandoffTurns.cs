using ChatAssistant.Conversation;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Escalation;

/// <summary>
/// The hand-off as the conversation asks for it (<see cref="IHandoffService"/>): reads which conversation the turn is
/// about, has <see cref="HandoffService"/> do the work, and says what it answers. The only hand-off class that sees a
/// turn.
/// </summary>
public sealed class HandoffTurns(HandoffService handoff) : IHandoffService
{
    public Task RequestAsync(ITurnContext turn, ConversationData data, HandoffReason reason, CancellationToken cancellationToken, CrisisNotice? crisis = null) =>
        SayAsync(turn, handoff.Request(Of(turn), data, reason, turn.Activity.Text?.Trim() ?? "", crisis), cancellationToken);

    public void Offer(ITurnContext turn, ConversationData data, string text) => handoff.Offer(Of(turn), data, text);

    public async Task<bool> TryAcceptOfferAsync(ITurnContext turn, ConversationData data, string offer, string text, CancellationToken cancellationToken)
    {
        if (!handoff.TryAcceptOffer(Of(turn), data, offer, text, out var reply)) return false;
        await SayAsync(turn, reply, cancellationToken);
        return true;
    }

    public Task SelfServiceAsync(ITurnContext turn, ConversationData data, string what, CancellationToken cancellationToken)
    {
        handoff.SelfService(Of(turn), data, what);
        return Task.CompletedTask;
    }

    public Task LeftToStaffAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken) =>
        SayAsync(turn, handoff.LeftToStaff(Of(turn), data, text), cancellationToken);

    /// <summary>Says <paramref name="text"/> when there is something to say.</summary>
    internal static Task SayAsync(ITurnContext turn, string? text, CancellationToken cancellationToken) =>
        text is null ? Task.CompletedTask : turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    private static ConversationAddress Of(ITurnContext turn) => ConversationAddress.Of(turn.Activity);
}
