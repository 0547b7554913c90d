using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation;

/// <summary>Handles a QR scene (on SCAN, or on subscribe from a parametric QR code), e.g. "duty:3".</summary>
public interface ISceneHandler
{
    bool CanHandle(string scene);

    Task HandleAsync(ITurnContext turn, ConversationData data, string scene, CancellationToken cancellationToken);
}
