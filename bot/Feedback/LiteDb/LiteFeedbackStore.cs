using LiteDB;

namespace ChatAssistant.Feedback.LiteDb;

/// <summary>The LiteDB collection of suggestions: kept for <see cref="FeedbackOptions.RetentionDays"/>, then deleted.</summary>
public sealed class LiteFeedbackStore : IFeedbackStore
{
    public const string Collection = "feedback";
    private readonly ILiteCollection<FeedbackRecord> _records;

    public LiteFeedbackStore(ILiteDatabase db)
    {
        _records = db.GetCollection<FeedbackRecord>(Collection);
        _records.EnsureIndex(r => r.At);
    }

    public FeedbackRecord Add(FeedbackRecord record)
    {
        _records.Insert(record);
        return record;
    }

    public FeedbackRecord? Find(int id) => _records.FindById(id);

    /// <summary>Suggestions since <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<FeedbackRecord> Since(DateTimeOffset since, int limit) =>
        _records.Query().Where(r => r.At >= since).OrderByDescending(r => r.At).Limit(limit).ToList();

    public void Update(FeedbackRecord record) => _records.Update(record);

    /// <summary>Deletes suggestions older than <paramref name="before"/>; returns how many.</summary>
    public int DeleteBefore(DateTimeOffset before) => _records.DeleteMany(r => r.At < before);
}
