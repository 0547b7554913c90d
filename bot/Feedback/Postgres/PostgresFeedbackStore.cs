using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.Feedback.Postgres;

/// <summary>Suggestions in PostgreSQL (<c>feedback</c>, migration 0003).</summary>
public sealed class PostgresFeedbackStore(PostgresRecords records) : IFeedbackStore
{
    private const string Columns =
        "id AS Id, channel_id AS ChannelId, user_id AS UserId, topic AS Topic, content AS Content, at AS At, " +
        "replied_at AS RepliedAt, replied_by AS RepliedBy, reply_delivered AS ReplyDelivered";

    /// <summary>How <c>records copy</c> moves suggestions (ids, and so numbers, kept).</summary>
    public static RecordsTableCopy<FeedbackRecord> Copy() => new(
        "feedback",
        "INSERT INTO feedback (id, channel_id, user_id, topic, content, at, replied_at, replied_by, reply_delivered) " +
        "VALUES (@Id, @ChannelId, @UserId, @Topic, @Content, @At, @RepliedAt, @RepliedBy, @ReplyDelivered)",
        f => new { f.Id, f.ChannelId, f.UserId, f.Topic, f.Content, f.At, f.RepliedAt, f.RepliedBy, f.ReplyDelivered },
        (c, t) => c.Query<FeedbackRecord>($"SELECT {Columns} FROM feedback ORDER BY id", transaction: t),
        identity: true);

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
