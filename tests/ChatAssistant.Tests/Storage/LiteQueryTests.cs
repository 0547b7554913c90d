using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;
using LiteDB;

namespace ChatAssistant.Tests.Storage;

/// <summary>The chat path's LiteDB predicates, on a real database file.</summary>
public sealed class LiteQueryTests : IDisposable
{
    private readonly TempDirectory _dir = new("ca-litequery");
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<Row> _rows;

    public LiteQueryTests()
    {
        _db = new LiteDatabase($"Filename={_dir.File("q.db")}");
        _rows = _db.GetCollection<Row>("rows");
        _rows.EnsureIndex(r => r.Owner);
        _rows.Insert(new Row { Owner = "o'1 AND 1=1", Kind = "a", Status = "live" });
        _rows.Insert(new Row { Owner = "o'1 AND 1=1", Kind = "b", Status = "live" });
        _rows.Insert(new Row { Owner = "o'1 AND 1=1", Kind = "a", Status = "gone" });
        _rows.Insert(new Row { Owner = "o2", Kind = "a", Status = "live" });
    }

    [Fact]
    public void Conditions_become_one_expression_with_one_parameter_each_and_values_stay_data()
    {
        Assert.Equal("(Owner = @0 AND Kind = @1 AND Status != @2)", LiteQuery.TextOf(LiteQuery.Is("Owner", "x"), LiteQuery.Is("Kind", "a"), LiteQuery.IsNot("Status", "gone")));
        Assert.Equal("Owner = @0", LiteQuery.TextOf(LiteQuery.Is("Owner", "x")));
        Assert.Throws<ArgumentException>(() => LiteQuery.TextOf());

        var found = _rows.FindWhere(LiteQuery.Is("Owner", "o'1 AND 1=1"), LiteQuery.Is("Kind", "a"), LiteQuery.IsNot("Status", "gone"));
        Assert.Single(found);
        Assert.Equal(("a", "live"), (found[0].Kind, found[0].Status));
        Assert.Equal(3, _rows.CountWhere(LiteQuery.Is("Owner", "o'1 AND 1=1")));
        Assert.Null(_rows.FindOneWhere(LiteQuery.Is("Owner", "nobody")));
    }

    [Fact]
    public void A_reused_expression_takes_each_calls_values_also_from_many_threads_at_once()
    {
        for (var i = 0; i < 50; i++) _rows.Insert(new Row { Owner = $"p{i}", Kind = i % 2 == 0 ? "even" : "odd", Status = "live" });

        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, n =>
        {
            var i = n % 50;
            var one = _rows.FindOneWhere(LiteQuery.Is("Owner", $"p{i}"));
            Assert.Equal($"p{i}", one!.Owner);
            var kind = i % 2 == 0 ? "even" : "odd";
            Assert.Single(_rows.FindWhere(LiteQuery.Is("Owner", $"p{i}"), LiteQuery.Is("Kind", kind)));
            Assert.Empty(_rows.FindWhere(LiteQuery.Is("Owner", $"p{i}"), LiteQuery.IsNot("Kind", kind)));
        });
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    private sealed class Row
    {
        public int Id { get; set; }
        public string Owner { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Status { get; set; } = "";
    }
}
