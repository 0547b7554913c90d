using ChatAssistant.Alerts;
using ChatAssistant.Alerts.LiteDb;
using ChatAssistant.Alerts.Postgres;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatAssistant.Tests.Alerts;

/// <summary>What every store of admin alerts does: run on LiteDB and PostgreSQL alike.</summary>
public abstract class AdminAlertStoreContractTests : StoreContract<IAdminAlertStore>
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 4, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public void Alerts_get_ids_are_listed_newest_first_found_by_kind_and_deleted_by_age()
    {
        var store = Store();
        var alerts = Enumerable.Range(0, 3).Select(i => new AdminAlert
        {
            At = Noon.AddHours(-i), Kind = i == 0 ? "daily.summary" : "identity.binding.paused", Message = "第" + i + "条", Until = i == 1 ? Noon.AddHours(1) : null,
        }).ToList();
        foreach (var alert in alerts) store.Add(alert);
        Assert.All(alerts, a => Assert.Matches("^[0-9a-f]{24}$", a.Id));

        var recent = SameRecords(store).Recent(2);
        Assert.Equal([alerts[0].Id, alerts[1].Id], recent.Select(a => a.Id));
        Assert.Equal(("identity.binding.paused", "第1条", (DateTimeOffset?)Noon.AddHours(1), Noon.AddHours(-1)), (recent[1].Kind, recent[1].Message, recent[1].Until, recent[1].At));

        Assert.True(SameRecords(store).RaisedSince("daily.summary", Noon.AddMinutes(-1)));
        Assert.False(store.RaisedSince("daily.summary", Noon.AddMinutes(1)));
        Assert.Equal(1, store.DeleteBefore(Noon.AddHours(-1)));
        Assert.Equal(2, store.Recent(10).Count);
    }
}

public sealed class LiteDbAdminAlertStoreContractTests : AdminAlertStoreContractTests
{
    protected override IAdminAlertStore Store() => new LiteAdminAlertStore(NewLiteRecords("alerts-contract"));

    protected override IAdminAlertStore SameRecords(IAdminAlertStore store) => store;
}

public sealed class PostgresAdminAlertStoreContractTests : AdminAlertStoreContractTests
{
    protected override IAdminAlertStore Store() => new PostgresAdminAlertStore(NewPostgresRecords());

    protected override IAdminAlertStore SameRecords(IAdminAlertStore store) => new PostgresAdminAlertStore(SamePostgresRecords());
}
