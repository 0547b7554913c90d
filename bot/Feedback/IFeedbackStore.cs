namespace ChatAssistant.Feedback;

/// <summary>
/// Suggestions, kept for <see cref="FeedbackOptions.RetentionDays"/> then deleted (LiteDB: <see cref="LiteDb.LiteFeedbackStore"/>;
/// PostgreSQL: <see cref="Postgres.PostgresFeedbackStore"/>).
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Stores a new suggestion and gives it its id.</summary>
    FeedbackRecord Add(FeedbackRecord record);

    FeedbackRecord? Find(int id);

    /// <summary>Suggestions since <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<FeedbackRecord> Since(DateTimeOffset since, int limit);

    /// <summary>Writes the reply fields (and the rest) of a stored suggestion.</summary>
    void Update(FeedbackRecord record);

    /// <summary>Deletes suggestions older than <paramref name="before"/>; returns how many (safe on every instance at once).</summary>
    int DeleteBefore(DateTimeOffset before);
}
