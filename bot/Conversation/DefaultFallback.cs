using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation;

/// <summary>The fallback until a guide is registered: says it did not understand.</summary>
public sealed class DefaultFallback : IFallbackHandler
{
    public async Task<bool> HandleAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken)
    {
        await turn.SendActivityAsync(MessageFactory.Text(ConversationTexts.NotUnderstood), cancellationToken);
        return false;
    }
}
