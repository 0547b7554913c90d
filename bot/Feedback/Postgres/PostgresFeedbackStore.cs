using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.Feedback.Postgres;

/// <summary>Suggestions in PostgreSQL (<c>feedback</c>, migration 0003).</summary>
public sealed class PostgresFeedbackStore(PostgresRecords records) : IFeedbackStore
{
    private const string Columns =
        "id AS Id, channel_id AS ChannelId, user_id AS UserId, topic AS Topic, content AS Content, at AS At, " +
        "replied_at AS RepliedAt, replied_by AS RepliedBy, reply_delivered AS ReplyDelivered";

    public FeedbackRecord Add(FeedbackRecord record)
    {
        record.Id = records.Use((c, t) => c.ExecuteScalar<int>(
            "INSERT INTO feedback (channel_id, user_id, topic, content, at, replied_at, replied_by, reply_delivered) " +
            "VALUES (@ChannelId, @UserId, @Topic, @Content, @At, @RepliedAt, @RepliedBy, @ReplyDelivered) RETURNING id", record, t));
        return record;
    }

    public FeedbackRecord? Find(int id) =>
        records.Use((c, t) => c.QuerySingleOrDefault<FeedbackRecord>($"SELECT {Columns} FROM feedback WHERE id = @id", new { id }, t));

    public IReadOnlyList<FeedbackRecord> Since(DateTimeOffset since, int limit) => records.Use((c, t) =>
        c.Query<FeedbackRecord>($"SELECT {Columns} FROM feedback WHERE at >= @since ORDER BY at DESC, id DESC LIMIT @limit",
            new { since = PostgresLimits.Clamp(since), limit }, t).AsList());

    public void Update(FeedbackRecord record) => records.Use((c, t) => c.Execute(
        "UPDATE feedback SET channel_id = @ChannelId, user_id = @UserId, topic = @Topic, content = @Content, at = @At, " +
        "replied_at = @RepliedAt, replied_by = @RepliedBy, reply_delivered = @ReplyDelivered WHERE id = @Id", record, t));

    public int DeleteBefore(DateTimeOffset before) =>
        records.Use((c, t) => c.Execute("DELETE FROM feedback WHERE at < @before", new { before = PostgresLimits.Clamp(before) }, t));
}
