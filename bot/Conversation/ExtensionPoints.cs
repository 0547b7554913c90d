using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation;

/// <summary>
/// Looks at every user message before routing (crisis words, hand-off forwarding). Interceptors run in
/// ascending <see cref="Order"/>; the first that handles the message ends the turn.
/// </summary>
public interface IMessageInterceptor
{
    int Order { get; }

    /// <summary>True when the message was handled and routing must stop.</summary>
    Task<bool> TryHandleAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken);
}

/// <summary>Answers what no intent matched (the volunteer guide).</summary>
public interface IFallbackHandler
{
    /// <summary>True when the message was understood; false counts towards offering a person.</summary>
    Task<bool> HandleAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken);
}

/// <summary>Hands the conversation to a person (转人工, repeated misunderstanding, crisis).</summary>
public interface IHandoffService
{
    /// <summary>
    /// Opens (or reuses) the hand-off. For a crisis, <paramref name="crisis"/> says why (shown to staff, never to the
    /// user) and what the user was told, which goes into the transcript staff read.
    /// </summary>
    Task RequestAsync(ITurnContext turn, ConversationData data, HandoffReason reason, CancellationToken cancellationToken, CrisisNotice? crisis = null);

    /// <summary>
    /// While a person has the conversation, answers a tap that would start something (a menu entry, a QR scene)
    /// by reminding the user they are with a person and how to leave, and returns true; false when no hand-off
    /// is open (a stale flag is cleared), so the tap goes ahead.
    /// </summary>
    Task<bool> HoldAsync(ITurnContext turn, ConversationData data, CancellationToken cancellationToken);
}

/// <summary>
/// A crisis hand-off's reasons for staff: the category (Suicide, Abuse, Violence, Danger), the signal that decided it
/// (a lexicon entry or the model's score) and the safety message the user was sent.
/// </summary>
public sealed record CrisisNotice(string Category, string Signal, string Reply);

/// <summary>Why a conversation is handed to a person.</summary>
public enum HandoffReason
{
    UserAsked,
    NotUnderstood,
    Crisis,
}

/// <summary>Handles a QR scene (on SCAN, or on subscribe from a parametric QR code), e.g. "duty:3".</summary>
public interface ISceneHandler
{
    bool CanHandle(string scene);

    Task HandleAsync(ITurnContext turn, ConversationData data, string scene, CancellationToken cancellationToken);
}
