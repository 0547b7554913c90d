namespace ChatAssistant.Safety;

/// <summary>
/// The crisis check's review list as stored, texts sealed (LiteDB: <see cref="LiteDb.LiteCrisisReviewRecords"/>;
/// PostgreSQL: <see cref="Postgres.PostgresCrisisReviewRecords"/>); <see cref="CrisisReviewStore"/> seals and opens them.
/// </summary>
public interface ICrisisReviewRecords
{
    void Add(CrisisReview review);

    /// <summary>The newest reviews first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<CrisisReview> Recent(int limit);

    /// <summary>Deletes the reviews made before <paramref name="cutoff"/>; returns how many.</summary>
    int DeleteBefore(DateTimeOffset cutoff);
}
