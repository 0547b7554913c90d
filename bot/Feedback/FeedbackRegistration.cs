using ChatAssistant.Adapters;
using ChatAssistant.Audit;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Hosting;
using ChatAssistant.Feedback.LiteDb;
using ChatAssistant.Feedback.Postgres;
using ChatAssistant.Staff;
using ChatAssistant.Storage;

namespace ChatAssistant.Feedback;

/// <summary>
/// 意见建议: the chat flow, the store, the admins' list and reply under /api/staff/feedback, and the retention
/// sweep. Suggestions carry no county, so the committee's admins read them; every list is audited.
/// </summary>
public static class FeedbackRegistration
{
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddSettings<FeedbackOptions, FeedbackOptionsValidator>(FeedbackOptions.Section);
        services.AddRecordStore<IFeedbackStore, LiteFeedbackStore, PostgresFeedbackStore>();
        services.AddSingleton<IRecordsTableCopy>(PostgresFeedbackStore.Copy());
        services.AddHostedService<FeedbackRetentionService>();
        services.AddFeature<FeedbackFlow>(new Intent
        {
            Id = "feedback",
            FlowId = FeedbackFlow.FlowId,
            MenuTitle = "意见建议",
            MenuOrder = 80,
            Keywords = ["意见建议", "提意见", "提建议", "我有建议", "反馈", "feedback", "suggestion"],
        });
        return services;
    }

    public sealed record ReplyRequest(string? Text);

    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/feedback");
        group.RequireAuthorization(StaffAuthentication.AdminPolicy);
        group.MapGet("", (int? days, HttpContext http, IFeedbackStore store, AssistantClock clock, AuditLog audit) =>
        {
            var span = Math.Clamp(days ?? 30, 1, 366);
            var list = store.Since(clock.Now.AddDays(-span), 500);
            audit.Record(http.User.Actor(), "feedback.list", "feedback", $"{span} days, {list.Count} items");
            return Results.Ok(list.Select(r => new
            {
                number = r.Number,
                r.Topic,
                r.Content,
                at = clock.ToLocal(r.At),
                canReply = r.ChannelId.Length > 0,
                repliedAt = r.RepliedAt is { } at ? clock.ToLocal(at) : (DateTimeOffset?)null,
                r.RepliedBy,
                r.ReplyDelivered,
            }));
        });
        group.MapPost("/{number}/reply", async (string number, ReplyRequest request, HttpContext http, IFeedbackStore store, IUserMessenger messenger, TimeProvider time, AuditLog audit, CancellationToken ct) =>
        {
            if (FeedbackNumber.Parse(number) is not { } id || store.Find(id) is not { } record)
                return Results.NotFound(new { error = FeedbackTexts.StaffNotFound });
            if (request.Text?.Trim() is not { Length: >= 1 and <= 1000 } text) return Results.BadRequest(new { error = FeedbackTexts.StaffTextRequired });
            if (record.ChannelId.Length == 0) return Results.Conflict(new { error = FeedbackTexts.StaffCannotReply });
            // A refusal is kept on the record and in the audit log, not copied in clear into the channel's
            // undelivered store, where it would outlive the suggestion's retention.
            var result = await messenger.SendAsync(new OutboundMessage(record.ChannelId, record.UserId, FeedbackTexts.Reply(record.Number, text), RecordIfUndelivered: false), ct);
            record.RepliedAt = time.GetUtcNow();
            record.RepliedBy = http.User.Actor();
            record.ReplyDelivered = result.Delivered;
            store.Update(record);
            audit.Record(http.User.Actor(), "feedback.reply", "feedback:" + record.Number, result.Delivered ? null : result.ErrorCode);
            return Results.Ok(new { delivered = result.Delivered, errorCode = result.ErrorCode, reason = result.Reason });
        });
        return endpoints;
    }
}
