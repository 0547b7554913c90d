using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation;

/// <summary>
/// Hands the conversation to a person (转人工, an accepted offer after a not-understood message, a crisis) and keeps
/// the bot useful meanwhile: self-service still answers, and a message left to staff is not met with silence when
/// nobody is expected soon.
/// </summary>
public interface IHandoffService
{
    /// <summary>
    /// Opens (or reuses) the hand-off. For a crisis, <paramref name="crisis"/> says why (shown to staff, never to the
    /// user) and what the user was told, which goes into the transcript staff read.
    /// </summary>
    Task RequestAsync(ITurnContext turn, ConversationData data, HandoffReason reason, CancellationToken cancellationToken, CrisisNotice? crisis = null);

    /// <summary>
    /// Remembers that the answer just given to <paramref name="text"/> did not understand it and offered a person
    /// (<see cref="ConversationData.HandoffOffer"/>), so that a short yes as the next message can accept.
    /// </summary>
    void Offer(ITurnContext turn, ConversationData data, string text);

    /// <summary>
    /// True when <paramref name="text"/> accepts the offer <paramref name="offer"/> (好, 是, 要, 嗯, 可以, 转人工…): the
    /// conversation is then handed over, with the message the bot did not understand as context for staff. False for
    /// anything else, which is routed as usual.
    /// </summary>
    Task<bool> TryAcceptOfferAsync(ITurnContext turn, ConversationData data, string offer, string text, CancellationToken cancellationToken);

    /// <summary>
    /// Before a tap that starts something (a menu entry): while a person has the conversation it is self-service,
    /// noted on the transcript, and the flows running before are set aside, so the one it starts runs on its own.
    /// Nothing happens when no hand-off is open (a stale flag is cleared).
    /// </summary>
    Task SelfServiceAsync(ITurnContext turn, ConversationData data, string what, CancellationToken cancellationToken);

    /// <summary>
    /// A message during a hand-off that self-service did not answer after all (a self-service flow let it go and
    /// nothing else took it): puts it on the transcript and tells the user a person will reply, when nobody is
    /// expected soon, instead of leaving them in silence.
    /// </summary>
    Task LeftToStaffAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken);
}
