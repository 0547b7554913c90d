using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation;

/// <summary>
/// Looks at every user message before routing (the crisis check, hand-off forwarding). Interceptors run in
/// ascending <see cref="Order"/>; the first that handles the message ends the turn.
/// </summary>
public interface IMessageInterceptor
{
    int Order { get; }

    /// <summary>True when the message was handled and routing must stop.</summary>
    Task<bool> TryHandleAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken);
}
