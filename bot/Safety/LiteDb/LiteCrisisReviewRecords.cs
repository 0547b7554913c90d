using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Safety.LiteDb;

/// <summary>The crisis check's review list as a LiteDB collection (<c>crisis_reviews</c>), ids kept as the file's <c>ObjectId</c>s.</summary>
public sealed class LiteCrisisReviewRecords : ICrisisReviewRecords
{
    public const string Collection = "crisis_reviews";

    private readonly LiteObjectIdDocuments<CrisisReview> _reviews;

    public LiteCrisisReviewRecords(ILiteDatabase db)
    {
        _reviews = Documents(db);
        _reviews.Collection.EnsureIndex(nameof(CrisisReview.At));
    }

    /// <summary>The reviews of a file, as records (also for <c>records copy</c>).</summary>
    public static LiteObjectIdDocuments<CrisisReview> Documents(ILiteDatabase db) => new(db, Collection, nameof(CrisisReview.EscalationId));

    public void Add(CrisisReview review) => _reviews.Insert(review);

    public IReadOnlyList<CrisisReview> Recent(int limit) =>
        _reviews.Collection.Query().OrderByDescending(nameof(CrisisReview.At)).Limit(limit).ToList().Select(_reviews.ToRecord).ToList();

    public int DeleteBefore(DateTimeOffset cutoff) =>
        _reviews.Collection.DeleteMany(BsonExpression.Create(nameof(CrisisReview.At) + " < @0", _reviews.Value(cutoff)));
}
