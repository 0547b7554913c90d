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
    public void All_joins_the_conditions_as_one_expression_with_one_parameter_each()
    {
        var query = LiteQuery.All(LiteQuery.Is("Owner", "o'1 AND 1=1"), LiteQuery.Is("Kind", "a"), LiteQuery.IsNot("Status", "gone"));
        Assert.Equal("($.Owner=@0 AND $.Kind=@1 AND $.Status!=@2)", query.Source); // as LiteDB normalises it
        Assert.Equal(3, query.Parameters.Count); // the values never enter the text: quotes and keywords stay data

        var found = _rows.Find(query).ToList();
        Assert.Single(found);
        Assert.Equal(("a", "live"), (found[0].Kind, found[0].Status));
    }

    [Fact]
    public void A_single_condition_works_where_an_expression_is_expected()
    {
        Assert.Equal(3, _rows.Count(LiteQuery.Is("Owner", "o'1 AND 1=1")));
        Assert.Equal(3, _rows.Count(LiteQuery.All(LiteQuery.Is("Status", "live"))));
        Assert.Throws<ArgumentException>(() => LiteQuery.All());
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
