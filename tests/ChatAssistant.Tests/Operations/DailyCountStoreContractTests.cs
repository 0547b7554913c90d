using ChatAssistant.Operations;
using ChatAssistant.Operations.LiteDb;
using ChatAssistant.Operations.Postgres;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatAssistant.Tests.Operations;

/// <summary>What every store of the daily tallies does: run on LiteDB and PostgreSQL alike.</summary>
public abstract class DailyCountStoreContractTests : StoreContract<IDailyCountStore>
{

    private static DailyCount Count(string day, string county, string kind, long n, string topic = "") =>
        new() { Id = string.Join('|', day, county, kind, topic), Day = day, County = county, Kind = kind, Topic = topic, Count = n };

    [SkippableFact]
    public void Counts_add_up_per_day_county_kind_and_topic_and_are_read_by_days()
    {
        var store = Store();
        store.Add([Count("2026-12-01", "婺城区", DailyTally.Messages, 3), Count("2026-12-02", "", "not_sure", 1, "怎么兑换")]);
        SameRecords(store).Add([Count("2026-12-01", "婺城区", DailyTally.Messages, 4), Count("2026-12-03", "金东区", DailyTally.Messages, 9)]);

        var read = store.Between("2026-12-01", "2026-12-02").OrderBy(c => c.Day).ToList();
        Assert.Equal([("2026-12-01", "婺城区", DailyTally.Messages, "", 7L), ("2026-12-02", "", "not_sure", "怎么兑换", 1L)],
            read.Select(c => (c.Day, c.County, c.Kind, c.Topic, c.Count)));
        Assert.Equal(9, Assert.Single(store.Between("2026-12-03", "2026-12-31")).Count);
        Assert.Empty(store.Between("2026-11-01", "2026-11-30"));
    }

    [SkippableFact]
    public void Instances_flushing_at_once_lose_none_of_each_others_counts()
    {
        var store = Store();
        var other = SameRecords(store);
        Parallel.For(0, 20, i => (i % 2 == 0 ? store : other).Add([Count("2026-12-04", "婺城区", DailyTally.Messages, 1), Count("2026-12-04", "", "answered", 2)]));
        Assert.Equal([("answered", 40L), (DailyTally.Messages, 20L)], store.Between("2026-12-04", "2026-12-04").Select(c => (c.Kind, c.Count)).Order());
    }
}

public sealed class LiteDbDailyCountStoreContractTests : DailyCountStoreContractTests
{
    protected override IDailyCountStore Store() => new LiteDailyCountStore(NewLiteRecords("counts-contract"));

    protected override IDailyCountStore SameRecords(IDailyCountStore store) => store;
}

public sealed class PostgresDailyCountStoreContractTests : DailyCountStoreContractTests
{
    protected override IDailyCountStore Store() => new PostgresDailyCountStore(NewPostgresRecords());

    protected override IDailyCountStore SameRecords(IDailyCountStore store) => new PostgresDailyCountStore(SamePostgresRecords());
}
