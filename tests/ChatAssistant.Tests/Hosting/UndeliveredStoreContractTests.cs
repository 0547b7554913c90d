using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Hosting.WeChat;
using ChatAssistant.Hosting.WeChat.Postgres;
using ChatAssistant.Security;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using ChatAssistant.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatAssistant.Tests.Hosting;

/// <summary>What every store of undelivered WeChat messages does: run on LiteDB and PostgreSQL alike.</summary>
public abstract class UndeliveredStoreContractTests : StoreContract<IUndeliveredRecords>
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 4, 0, 0, TimeSpan.Zero);

    protected static readonly FieldCipher Cipher = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static UndeliveredMessage Message(string id, int minutesAgo) =>
        new(id, "oUser" + id, "text", "您的求助已提交，电话 13800000000", 45015, "user has not interacted", Noon.AddMinutes(-minutesAgo));

    [SkippableFact]
    public void Messages_read_back_newest_first_until_resolved_and_old_ones_are_deleted()
    {
        var store = Store();
        store.Add(Message("m1", 30));
        store.Add(Message("m2", 20));
        store.Add(Message("m3", 10));

        var listed = SameRecords(store).List();
        Assert.Equal(["m3", "m2", "m1"], listed.Select(m => m.Id));
        Assert.Equal(("oUserm3", "text", "您的求助已提交，电话 13800000000", 45015, "user has not interacted", Noon.AddMinutes(-10), false),
            (listed[0].OpenId, listed[0].Kind, listed[0].Text, listed[0].ErrCode, listed[0].Reason, listed[0].At, listed[0].Resolved));
        Assert.Equal(["m3", "m2"], store.List(limit: 2).Select(m => m.Id));

        Assert.True(store.MarkResolved("m2"));
        Assert.False(store.MarkResolved("m9"));
        Assert.Equal(["m3", "m1"], store.List().Select(m => m.Id));
        Assert.True(Assert.Single(store.List(includeResolved: true), m => m.Id == "m2").Resolved);

        Assert.Equal(2, store.DeleteRecordedBefore(Noon.AddMinutes(-15)));
        Assert.Equal(["m3"], store.List(includeResolved: true).Select(m => m.Id));
        Assert.Equal(0, store.SealLegacyRows());
    }
}

public sealed class LiteDbUndeliveredStoreContractTests : UndeliveredStoreContractTests
{
    protected override IUndeliveredRecords Store() => new LiteDbUndeliveredStore(NewLiteRecords("undelivered-contract"), Cipher);

    protected override IUndeliveredRecords SameRecords(IUndeliveredRecords store) => store;
}

public sealed class PostgresUndeliveredStoreContractTests : UndeliveredStoreContractTests
{
    protected override IUndeliveredRecords Store() => new PostgresUndeliveredStore(NewPostgresRecords(), Cipher);

    protected override IUndeliveredRecords SameRecords(IUndeliveredRecords store) => new PostgresUndeliveredStore(SamePostgresRecords(), Cipher);

    [SkippableFact]
    public void The_text_is_sealed_in_the_table()
    {
        var store = Store();
        store.Add(new UndeliveredMessage("m1", "oUser", "text", "电话 13800000000", 45015, "timeout", DateTimeOffset.UtcNow));
        using var connection = new Npgsql.NpgsqlConnection(PostgresConnectionString);
        var stored = connection.ExecuteScalar<string>("SELECT sealed_text FROM wechat_undelivered WHERE id = 'm1'")!;
        Assert.DoesNotContain("13800000000", stored);
        Assert.Equal("电话 13800000000", Assert.Single(store.List()).Text);
    }
}
