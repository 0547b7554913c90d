using ChatAssistant.Conversation;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Escalation;

/// <summary>A request to talk to a person, as recorded for staff.</summary>
public sealed class HandoffRequest
{
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public string UserId { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public HandoffReason Reason { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
}

/// <summary>Records hand-off requests so staff can pick them up and tells the user a person will answer.</summary>
public sealed class HandoffRecorder(ILiteDatabase db, TimeProvider time, ILogger<HandoffRecorder> log) : IHandoffService
{
    public const string Collection = "handoff_requests";

    public async Task RequestAsync(ITurnContext turn, ConversationData data, HandoffReason reason, CancellationToken cancellationToken)
    {
        var request = new HandoffRequest
        {
            UserId = turn.Activity.From?.Id ?? "",
            ChannelId = turn.Activity.ChannelId ?? "",
            Reason = reason,
            RequestedAt = time.GetUtcNow(),
        };
        db.GetCollection<HandoffRequest>(Collection).Insert(request);
        log.LogInformation("Hand-off requested {RequestId} ({Reason})", request.Id, reason);
        await turn.SendActivityAsync(MessageFactory.Text(ConversationTexts.HandoffRecorded), cancellationToken);
    }
}
