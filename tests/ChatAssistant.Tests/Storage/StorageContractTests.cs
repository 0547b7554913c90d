using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace ChatAssistant.Tests.Storage;

/// <summary>
/// What every <see cref="IStorage"/> here must do, MemoryStorage being the reference (modelled on
/// botbuilder-dotnet's StorageBaseTests, with assertions that fail when the rule is broken).
/// </summary>
public abstract class StorageContractTests
{
    /// <summary>A fresh, empty store (skips the test when its server is unavailable outside CI).</summary>
    protected abstract IStorage CreateStorage();

    [SkippableFact]
    public async Task ReadAsync_UnknownKey_IsAbsent()
    {
        var storage = CreateStorage();
        var items = await storage.ReadAsync(["unknown"]);
        Assert.Empty(items);
    }

    [SkippableFact]
    public async Task WriteAsync_NewItems_ReadBackAsTheirTypes()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["poco"] = new PocoItem { Id = "1" },
            ["storeItem"] = new PocoStoreItem { Id = "2" },
        });

        var items = await storage.ReadAsync(["poco", "storeItem"]);

        Assert.Equal("1", Assert.IsType<PocoItem>(items["poco"]).Id);
        var storeItem = Assert.IsType<PocoStoreItem>(items["storeItem"]);
        Assert.Equal("2", storeItem.Id);
        Assert.False(string.IsNullOrEmpty(storeItem.ETag));
    }

    [SkippableFact]
    public async Task WriteAsync_EveryWrite_GivesANewETag()
    {
        var storage = CreateStorage();
        var etags = new HashSet<string>();
        await storage.WriteAsync(Change("k", new PocoStoreItem { Id = "1" }));
        for (var i = 0; i < 5; i++)
        {
            var item = await ReadOne<PocoStoreItem>(storage, "k");
            Assert.True(etags.Add(item.ETag!), "an ETag was reused");
            item.Count = i;
            await storage.WriteAsync(Change("k", item));
        }
        Assert.Equal(4, (await ReadOne<PocoStoreItem>(storage, "k")).Count);
    }

    [SkippableFact]
    public async Task WriteAsync_StaleETag_ThrowsAndKeepsTheStoredItem()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Change("k", new PocoStoreItem { Id = "1", Count = 1 }));
        var first = await ReadOne<PocoStoreItem>(storage, "k");
        var second = await ReadOne<PocoStoreItem>(storage, "k");
        second.Count = 2;
        await storage.WriteAsync(Change("k", second));

        first.Count = 99;
        var error = await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteAsync(Change("k", first)));

        Assert.StartsWith("Etag conflict.", error.Message);
        Assert.Equal(2, (await ReadOne<PocoStoreItem>(storage, "k")).Count);
    }

    [SkippableFact]
    public async Task WriteAsync_PocoWithOldContent_AlwaysOverwrites()
    {
        var storage = CreateStorage();
        var item = new PocoItem { Id = "1", Count = 1 };
        await storage.WriteAsync(Change("k", item));
        await storage.WriteAsync(Change("k", new PocoItem { Id = "1", Count = 2 }));
        item.Count = 123;
        await storage.WriteAsync(Change("k", item));
        Assert.Equal(123, (await ReadOne<PocoItem>(storage, "k")).Count);
    }

    [SkippableFact]
    public async Task WriteAsync_WildcardETag_OverwritesWhateverIsStored()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Change("k", new PocoStoreItem { Id = "1", Count = 1 }));
        await storage.WriteAsync(Change("k", new PocoStoreItem { Id = "1", Count = 100, ETag = "*" }));
        var stored = await ReadOne<PocoStoreItem>(storage, "k");
        Assert.Equal(100, stored.Count);
        Assert.NotEqual("*", stored.ETag);
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData(null)]
    public async Task WriteAsync_EmptyOrNullETagOverAStoredItem_Throws(string? etag)
    {
        // MemoryStorage compares the ETag as it is: only "*" skips the check, so null and "" conflict
        // with any stored ETag (they write unconditionally only when nothing, or a plain object, is stored).
        var storage = CreateStorage();
        await storage.WriteAsync(Change("k", new PocoStoreItem { Id = "1", Count = 1 }));
        await Assert.ThrowsAsync<ArgumentException>(
            () => storage.WriteAsync(Change("k", new PocoStoreItem { Id = "1", Count = 2, ETag = etag })));
        Assert.Equal(1, (await ReadOne<PocoStoreItem>(storage, "k")).Count);
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("stale-etag")]
    public async Task WriteAsync_AnyETagForANewKey_Writes(string? etag)
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Change("k", new PocoStoreItem { Id = "1", Count = 7, ETag = etag }));
        Assert.Equal(7, (await ReadOne<PocoStoreItem>(storage, "k")).Count);
    }

    [SkippableFact]
    public async Task WriteAsync_PocoOverAStoreItem_DropsTheETagCheck()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Change("k", new PocoStoreItem { Id = "1", Count = 1 }));
        await storage.WriteAsync(Change("k", new PocoItem { Id = "plain" }));
        await storage.WriteAsync(Change("k", new PocoStoreItem { Id = "1", Count = 3, ETag = "stale" }));
        Assert.Equal(3, (await ReadOne<PocoStoreItem>(storage, "k")).Count);
    }

    [SkippableFact]
    public async Task WriteAsync_NullValue_LeavesTheKeyAbsent()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Change("k", new PocoStoreItem { Id = "1" }));
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = null! });
        Assert.Empty(await storage.ReadAsync(["k"]));
        await storage.WriteAsync(Change("k", new PocoStoreItem { Id = "2", ETag = "stale" }));
        Assert.Equal("2", (await ReadOne<PocoStoreItem>(storage, "k")).Id);
    }

    [SkippableFact]
    public async Task DeleteAsync_RemovesTheItem_AndUnknownKeysAreFine()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Change("delete1", new PocoStoreItem { Id = "1" }));
        await storage.WriteAsync(Change("keep", new PocoItem { Id = "2" }));

        await storage.DeleteAsync(["delete1", "unknown_key"]);

        var items = await storage.ReadAsync(["delete1", "keep"]);
        Assert.Equal(["keep"], items.Keys);
    }

    public static TheoryData<string> CrazyKeys() => new()
    {
        "!@#$%^&*()~/\\><,.?';\"`~",
        "用户/会话:张三 🙂",
        "with spaces and\ttabs\nand newlines",
        "{}",
        "{user}:conversations/{id}",
        "",
        "*",
        new string('长', 3000) + "end",
    };

    [SkippableTheory]
    [MemberData(nameof(CrazyKeys))]
    public async Task CrazyKeys_RoundTrip(string key)
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Change(key, new PocoStoreItem { Id = "crazy" }));
        await storage.WriteAsync(Change(key + "x", new PocoStoreItem { Id = "neighbour" }));

        Assert.Equal("crazy", (await ReadOne<PocoStoreItem>(storage, key)).Id);
        await storage.DeleteAsync([key]);
        Assert.Empty(await storage.ReadAsync([key]));
        Assert.Equal("neighbour", (await ReadOne<PocoStoreItem>(storage, key + "x")).Id);
    }

    [SkippableFact]
    public async Task Batch_WritesAndReadsManyKeysInOneCall()
    {
        var storage = CreateStorage();
        var changes = Enumerable.Range(0, 50).ToDictionary(i => $"batch-{i}", i => (object)new PocoItem { Id = $"{i}", Count = i });
        await storage.WriteAsync(changes);

        var keys = changes.Keys.Concat(Enumerable.Range(0, 5).Select(i => $"missing-{i}")).ToArray();
        var items = await storage.ReadAsync(keys);

        Assert.Equal(50, items.Count);
        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal(i, ((PocoItem)items[$"batch-{i}"]).Count));
    }

    [SkippableFact]
    public async Task ConcurrentWritesWithTheSameETag_ExactlyOneWins()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Change("contended", new PocoStoreItem { Id = "0" }));
        var copies = new List<PocoStoreItem>();
        for (var i = 0; i < 12; i++) copies.Add(await ReadOne<PocoStoreItem>(storage, "contended"));

        var outcomes = await Task.WhenAll(copies.Select((copy, i) => Task.Run(async () =>
        {
            copy.Id = $"writer-{i}";
            try { await storage.WriteAsync(Change("contended", copy)); return copy.Id; }
            catch (ArgumentException) { return null; }
        })));

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(winner, (await ReadOne<PocoStoreItem>(storage, "contended")).Id);
    }

    [SkippableFact]
    public async Task Types_RoundTripLikeMemoryStorage()
    {
        var storage = CreateStorage();
        var when = new DateTime(2026, 11, 26, 6, 30, 0, DateTimeKind.Utc);
        var item = new PocoItem
        {
            Id = "团代表",
            When = when,
            WhenOffset = new DateTimeOffset(2026, 11, 26, 14, 30, 0, TimeSpan.FromHours(8)),
            Amount = 12.50m,
            DateLikeText = "2026-12-02T14:00:00+08:00",
            Bag = new Dictionary<string, object>
            {
                ["nested"] = new Dictionary<string, object> { ["deeper"] = new Dictionary<string, object> { ["n"] = 3L } },
                ["child"] = new PocoItem { Id = "inner" },
                ["text"] = "爱心存折",
            },
            Children = [new PocoItem { Id = "c1", Count = 1 }],
        };
        // BotState writes a Dictionary<string, object> of its properties: objects inside must come back typed.
        var state = new Dictionary<string, object> { ["profile"] = item, ["turns"] = 4L };
        await storage.WriteAsync(Change("state", state));

        var read = Assert.IsType<Dictionary<string, object>>((await storage.ReadAsync(["state"]))["state"]);
        Assert.Equal(4L, read["turns"]);
        var profile = Assert.IsType<PocoItem>(read["profile"]);
        Assert.Equal("团代表", profile.Id);
        Assert.Equal(when, profile.When);
        Assert.Equal(DateTimeKind.Utc, profile.When.Kind);
        Assert.Equal(item.WhenOffset, profile.WhenOffset);
        Assert.Equal(TimeSpan.FromHours(8), profile.WhenOffset.Offset);
        Assert.Equal(12.50m, profile.Amount);
        Assert.Equal("2026-12-02T14:00:00+08:00", profile.DateLikeText);
        var nested = Assert.IsType<Dictionary<string, object>>(profile.Bag!["nested"]);
        Assert.Equal(3L, Assert.IsType<Dictionary<string, object>>(nested["deeper"])["n"]);
        Assert.Equal("inner", Assert.IsType<PocoItem>(profile.Bag["child"]).Id);
        Assert.Equal("爱心存折", profile.Bag["text"]);
        Assert.Equal("c1", Assert.Single(profile.Children!).Id);
    }

    [SkippableFact]
    public async Task NullArguments_Throw()
    {
        var storage = CreateStorage();
        await Assert.ThrowsAsync<ArgumentNullException>(() => storage.ReadAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => storage.WriteAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => storage.DeleteAsync(null!));
    }

    [SkippableFact]
    public async Task UserState_PersistsThroughTurns()
    {
        var storage = CreateStorage();
        var userState = new UserState(storage);
        var property = userState.CreateProperty<PocoItem>("profile");
        var adapter = new TestAdapter().Use(new AutoSaveStateMiddleware(userState));

        await new TestFlow(adapter, async (context, cancellationToken) =>
            {
                var profile = await property.GetAsync(context, () => new PocoItem(), cancellationToken);
                if (context.Activity.Text == "set") { profile.Id = "saved"; await context.SendActivityAsync("ok", cancellationToken: cancellationToken); }
                else await context.SendActivityAsync(profile.Id ?? "none", cancellationToken: cancellationToken);
            })
            .Send("get").AssertReply("none")
            .Send("set").AssertReply("ok")
            .Send("get").AssertReply("saved")
            .StartTestAsync();
    }

    protected static Dictionary<string, object> Change(string key, object value) => new() { [key] = value };

    protected static async Task<T> ReadOne<T>(IStorage storage, string key)
    {
        var items = await storage.ReadAsync([key]);
        Assert.True(items.ContainsKey(key), $"key of length {key.Length} is missing");
        return Assert.IsType<T>(items[key]);
    }
}
