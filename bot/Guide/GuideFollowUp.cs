using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Guide.Unanswered;
using ChatAssistant.Security;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Guide;

/// <summary>
/// 转人工 right after the guide's answer means the answer did not help: the question goes to staff's list of unanswered
/// ones with the entry that answered it. Runs before every other interceptor and handles nothing; it only reads, and
/// lets lapse, what the last answer remembered (<see cref="ConversationData.AnsweredQuestion"/>).
/// </summary>
public sealed class GuideFollowUp(UnansweredQuestions unanswered) : IMessageInterceptor
{
    public int Order => Safety.CrisisInterceptor.InterceptorOrder - 1;

    /// <summary>Remembers, for the next message only, that the guide answered <paramref name="text"/> with <paramref name="entryId"/>.</summary>
    public static void Remember(ConversationData data, string text, string entryId)
    {
        data.AnsweredQuestion = PersonalText.Mask(text);
        data.AnsweredEntry = entryId;
    }

    public Task<bool> TryHandleAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken)
    {
        var (question, entry) = (data.AnsweredQuestion, data.AnsweredEntry);
        if (question is null) return Task.FromResult(false);
        data.AnsweredQuestion = data.AnsweredEntry = null;
        if (GlobalCommands.Parse(text) == GlobalCommand.Human)
            unanswered.Record(turn.Activity.ChannelId, UnansweredKinds.HandoffAfterAnswer, question, entry);
        return Task.FromResult(false);
    }
}
