using ChatAssistant.Storage;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Storage;

/// <summary>What the embedded store adds to the contract: it survives a restart, and idle sessions expire.</summary>
public sealed class LiteDbStorageTests : IDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(30);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sessions-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
    private LiteDatabase _db;

    public LiteDbStorageTests() => _db = Open();

    [Fact]
    public async Task Sessions_SurviveReopeningTheDatabase()
    {
        await new LiteDbStorage(_db, Ttl, _time).WriteAsync(new Dictionary<string, object> { ["conv"] = new PocoStoreItem { Id = "kept", Count = 5 } });
        _db.Dispose();
        _db = Open();

        var item = Assert.IsType<PocoStoreItem>((await new LiteDbStorage(_db, Ttl, _time).ReadAsync(["conv"]))["conv"]);
        Assert.Equal(5, item.Count);
    }

    [Fact]
    public async Task IdleSession_ExpiresAfterTheTtl_ButReadsKeepItAlive()
    {
        var storage = new LiteDbStorage(_db, Ttl, _time);
        await storage.WriteAsync(new Dictionary<string, object> { ["s"] = new PocoItem { Id = "1" } });

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Single(await storage.ReadAsync(["s"]));
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Single(await storage.ReadAsync(["s"]));
        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.Empty(await storage.ReadAsync(["s"]));
    }

    [Fact]
    public async Task SweepExpired_RemovesOnlyExpiredSessions()
    {
        var storage = new LiteDbStorage(_db, Ttl, _time);
        await storage.WriteAsync(new Dictionary<string, object> { ["old"] = new PocoItem(), ["old2"] = new PocoItem() });
        _time.Advance(TimeSpan.FromMinutes(20));
        await storage.WriteAsync(new Dictionary<string, object> { ["fresh"] = new PocoItem() });
        _time.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(2, storage.SweepExpired());
        Assert.Equal(1, _db.GetCollection(LiteDbStorage.CollectionName).Count());
    }

    [Fact]
    public async Task ExpiredStoreItem_NoLongerGuardsItsETag()
    {
        var storage = new LiteDbStorage(_db, Ttl, _time);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new PocoStoreItem { Id = "1" } });
        _time.Advance(Ttl + TimeSpan.FromSeconds(1));
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new PocoStoreItem { Id = "2", ETag = "stale" } });
        Assert.Equal("2", Assert.IsType<PocoStoreItem>((await storage.ReadAsync(["k"]))["k"]).Id);
    }

    [Fact]
    public async Task BatchWithAConflict_WritesNothing()
    {
        var storage = new LiteDbStorage(_db, Ttl, _time);
        await storage.WriteAsync(new Dictionary<string, object> { ["guarded"] = new PocoStoreItem { Id = "1" } });

        await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["other"] = new PocoItem { Id = "x" },
            ["guarded"] = new PocoStoreItem { Id = "2", ETag = "stale" },
        }));

        Assert.Equal(["guarded"], (await storage.ReadAsync(["other", "guarded"])).Keys);
    }

    private LiteDatabase Open() => new($"Filename={_file};Connection=Direct");

    public void Dispose()
    {
        _db.Dispose();
        File.Delete(_file);
    }
}
