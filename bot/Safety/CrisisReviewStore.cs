using ChatAssistant.Security;
using LiteDB;

namespace ChatAssistant.Safety;

/// <summary>The review list of the crisis check (LiteDB collection <c>crisis_reviews</c>), texts encrypted per review.</summary>
public sealed class CrisisReviewStore
{
    public const string Collection = "crisis_reviews";
    private const string Field = "crisis.review.text";

    private readonly ILiteCollection<CrisisReview> _reviews;
    private readonly FieldCipher _cipher;

    public CrisisReviewStore(ILiteDatabase database, FieldCipher cipher)
    {
        _cipher = cipher;
        _reviews = database.GetCollection<CrisisReview>(Collection);
        _reviews.EnsureIndex(r => r.At);
    }

    public CrisisReview Add(CrisisReview review, string plainText)
    {
        review.Text = _cipher.Protect(plainText, Binding(review.Id));
        _reviews.Insert(review);
        return review;
    }

    /// <summary>The newest reviews first, with their texts decrypted (a text that cannot be read shows a marker).</summary>
    public IReadOnlyList<(CrisisReview Review, string Text)> Recent(int limit) =>
        _reviews.Query().OrderByDescending(r => r.At).Limit(limit).ToList()
            .Select(r => (r, _cipher.TryUnprotect(r.Text, Binding(r.Id), out var text) ? text : FieldTexts.Unreadable))
            .ToList();

    public int DeleteBefore(DateTimeOffset cutoff) => _reviews.DeleteMany(r => r.At < cutoff);

    private static FieldBinding Binding(ObjectId id) => new(Field, "crisis-review:" + id);
}
