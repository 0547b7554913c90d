using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Operations.LiteDb;

/// <summary>The daily tallies as a LiteDB collection (<c>daily_counts</c>).</summary>
public sealed class LiteDailyCountStore : IDailyCountStore
{
    public const string Collection = "daily_counts";

    private readonly ILiteDatabase _db;
    private readonly ILiteCollection<DailyCount> _counts;
    // Adding is read-then-write: one at a time (the file has one owner, so a lock of this process is enough).
    private readonly Lock _adding = new();

    public LiteDailyCountStore(ILiteDatabase db)
    {
        _db = db;
        _counts = db.GetCollection<DailyCount>(Collection);
        _counts.EnsureIndex(c => c.Day);
    }

    public void Add(IReadOnlyCollection<DailyCount> counts) => LiteTransaction.Exclusively(_db, _adding, () =>
    {
        foreach (var count in counts)
        {
            var stored = _counts.FindById(count.Id) ?? new DailyCount { Id = count.Id, Day = count.Day, County = count.County, Kind = count.Kind, Topic = count.Topic };
            stored.Count += count.Count;
            _counts.Upsert(stored);
        }
        return counts.Count;
    });

    public IReadOnlyList<DailyCount> Between(string low, string high)
    {
        var counts = _counts.Find(Query.And(Query.GTE(nameof(DailyCount.Day), low), Query.LTE(nameof(DailyCount.Day), high))).ToList();
        // LiteDB keeps an empty text as null: read back as it was counted (no county, no topic).
        foreach (var count in counts) (count.County, count.Topic) = (count.County ?? "", count.Topic ?? "");
        return counts;
    }
}
