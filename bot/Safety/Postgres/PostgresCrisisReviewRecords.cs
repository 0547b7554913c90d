using System.Text.Json;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.Safety.Postgres;

/// <summary>The crisis check's review list in PostgreSQL (<c>crisis_reviews</c>, migration 0012): each review a JSON document, its text still sealed.</summary>
public sealed class PostgresCrisisReviewRecords(PostgresRecords records) : ICrisisReviewRecords
{
    private const string Insert = "INSERT INTO crisis_reviews (id, at, doc) VALUES (@Id, @At, @doc::jsonb)";

    /// <summary>How <c>records copy</c> moves the reviews (ids kept: the texts are bound to them).</summary>
    public static RecordsTableCopy<CrisisReview> Copy() => new(
        LiteDb.LiteCrisisReviewRecords.Collection, Insert, Row,
        (c, t) => c.Query<string>("SELECT doc::text FROM crisis_reviews ORDER BY at, id", transaction: t).Select(Read),
        identity: false,
        readLite: db => LiteDb.LiteCrisisReviewRecords.Documents(db).All(),
        writeLite: (db, r) => LiteDb.LiteCrisisReviewRecords.Documents(db).Insert(r));

    private static object Row(CrisisReview r) => new { r.Id, r.At, doc = JsonSerializer.Serialize(r, PostgresJson.Options) };

    private static CrisisReview Read(string doc) => JsonSerializer.Deserialize<CrisisReview>(doc, PostgresJson.Options)!;

    public void Add(CrisisReview review) => records.Use((c, t) => c.Execute(Insert, Row(review), t));

    public IReadOnlyList<CrisisReview> Recent(int limit) => records.Use((c, t) =>
        c.Query<string>("SELECT doc::text FROM crisis_reviews ORDER BY at DESC, id DESC LIMIT @limit", new { limit }, t).Select(Read).ToList());

    public int DeleteBefore(DateTimeOffset cutoff) => records.Use((c, t) =>
        c.Execute("DELETE FROM crisis_reviews WHERE at < @cutoff", new { cutoff = PostgresLimits.Clamp(cutoff) }, t));
}
