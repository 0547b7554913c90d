using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation;

/// <summary>Answers what no intent matched (the volunteer guide).</summary>
public interface IFallbackHandler
{
    /// <summary>
    /// True when the message was understood; false when the answer said it was not and offered a person (a short yes
    /// as the next message then hands the conversation over).
    /// </summary>
    Task<bool> HandleAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken);
}
