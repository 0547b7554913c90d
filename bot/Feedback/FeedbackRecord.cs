
namespace ChatAssistant.Feedback;

/// <summary>A suggestion or comment for the youth-league committee.</summary>
public sealed class FeedbackRecord
{
    public int Id { get; set; }

    /// <summary>The channel the user wrote on (e.g. "wechat"); empty on records kept before replies existed.</summary>
    public string ChannelId { get; set; } = "";

    public string UserId { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Content { get; set; } = "";
    public DateTimeOffset At { get; set; }

    /// <summary>When staff last answered, who, and whether the channel delivered it.</summary>
    public DateTimeOffset? RepliedAt { get; set; }

    public string? RepliedBy { get; set; }
    public bool? ReplyDelivered { get; set; }

    /// <summary>The number users are told, e.g. F00012.</summary>
    public string Number => FeedbackNumber.Of(Id);
}
