using ChatAssistant.OnCall;
using ChatAssistant.QuickReplies;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatAssistant.Tests.Storage.Records;

/// <summary>What every list staff keep in the console does (quick replies, on-call lines): run on LiteDB and PostgreSQL alike.</summary>
public abstract class RecordListContractTests : OwnsDisposables
{
    protected abstract IRecordList<T> List<T>(string name) where T : class, IListedRecord;

    /// <summary>The same list as another instance reads it (LiteDB: one process owns the file, so the same).</summary>
    protected abstract IRecordList<T> SameRecords<T>(IRecordList<T> list, string name) where T : class, IListedRecord;

    [SkippableFact]
    public void Records_are_numbered_in_order_read_back_whole_edited_and_deleted()
    {
        var replies = List<QuickReply>(QuickReplyStore.Collection);
        var first = replies.Add(new QuickReply { Id = 99, Title = "问候", Text = "你好，我是{工作人员}。" }); // a number given is not kept
        var second = replies.Add(new QuickReply { Title = "热线", Text = "请拨打{热线}。" });
        Assert.True(first.Id > 0);
        Assert.True(second.Id > first.Id);
        Assert.Equal(["问候", "热线"], SameRecords(replies, QuickReplyStore.Collection).All().Select(r => r.Title));

        second.Text = "12355 全天有人接听。";
        Assert.True(replies.Update(second));
        Assert.Equal("12355 全天有人接听。", replies.Get(second.Id)!.Text);
        Assert.False(replies.Update(new QuickReply { Id = second.Id + 100, Title = "无" }));
        Assert.True(replies.Delete(first.Id));
        Assert.False(replies.Delete(first.Id));
        Assert.Null(replies.Get(first.Id));
        Assert.Equal([second.Id], replies.All().Select(r => r.Id));
    }

    [SkippableFact]
    public void An_on_call_line_keeps_every_field_but_where_it_came_from()
    {
        var shifts = List<OnCallShift>(OnCallStore.Collection);
        var line = shifts.Add(new OnCallShift { County = "婺城区", Staff = "lin", Days = "1-5", From = "18:00", To = "09:00", FromConfiguration = true });
        var read = SameRecords(shifts, OnCallStore.Collection).Get(line.Id)!;
        Assert.Equal(("婺城区", "lin", "1-5", "18:00", "09:00", false), (read.County, read.Staff, read.Days, read.From, read.To, read.FromConfiguration));
    }
}

public sealed class LiteDbRecordListContractTests : RecordListContractTests
{
    private LiteDB.ILiteDatabase? _db;

    protected override IRecordList<T> List<T>(string name) => new LiteRecordList<T>(_db ??= NewLiteRecords("list-contract"), name);

    protected override IRecordList<T> SameRecords<T>(IRecordList<T> list, string name) => list;
}

public sealed class PostgresRecordListContractTests : RecordListContractTests
{
    private PostgresRecords? _records;

    protected override IRecordList<T> List<T>(string name) => new PostgresRecordList<T>(_records ??= NewPostgresRecords(), name);

    protected override IRecordList<T> SameRecords<T>(IRecordList<T> list, string name) => new PostgresRecordList<T>(SamePostgresRecords(), name);
}
