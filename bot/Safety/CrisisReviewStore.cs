using ChatAssistant.Security;

namespace ChatAssistant.Safety;

/// <summary>The review list of the crisis check, on either provider (<see cref="ICrisisReviewRecords"/>), texts encrypted per review.</summary>
public sealed class CrisisReviewStore(ICrisisReviewRecords reviews, FieldCipher cipher)
{
    private const string Field = "crisis.review.text";

    public CrisisReview Add(CrisisReview review, string plainText)
    {
        review.Text = cipher.Protect(plainText, Binding(review.Id));
        reviews.Add(review);
        return review;
    }

    /// <summary>The newest reviews first, with their texts decrypted (a text that cannot be read shows a marker).</summary>
    public IReadOnlyList<(CrisisReview Review, string Text)> Recent(int limit) =>
        reviews.Recent(limit).Select(r => (r, cipher.TryUnprotect(r.Text, Binding(r.Id), out var text) ? text : FieldTexts.Unreadable)).ToList();

    public int DeleteBefore(DateTimeOffset cutoff) => reviews.DeleteBefore(cutoff);

    private static FieldBinding Binding(string id) => new(Field, "crisis-review:" + id);
}
