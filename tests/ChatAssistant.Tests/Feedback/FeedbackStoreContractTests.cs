using ChatAssistant.Feedback;
using ChatAssistant.Feedback.LiteDb;
using ChatAssistant.Feedback.Postgres;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using ChatAssistant.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatAssistant.Tests.Feedback;

/// <summary>What every suggestion store does: run on LiteDB and PostgreSQL alike.</summary>
public abstract class FeedbackStoreContractTests : OwnsDisposables
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 4, 0, 0, TimeSpan.Zero);

    protected abstract IFeedbackStore Store();

    private static FeedbackRecord Suggestion(string content, DateTimeOffset at) =>
        new() { ChannelId = "wechat", UserId = "openid-1", Topic = "活动", Content = content, At = at };

    [SkippableFact]
    public void A_suggestion_gets_a_number_and_reads_back_with_its_reply()
    {
        var store = Store();
        var first = store.Add(Suggestion("希望周末多些活动", Noon));
        var second = store.Add(Suggestion("报名页面太慢", Noon.AddMinutes(1)));
        Assert.True(first.Id > 0);
        Assert.True(second.Id > first.Id);
        Assert.Equal(first.Id, FeedbackNumber.Parse(first.Number));

        var stored = store.Find(first.Id)!;
        Assert.Equal(("wechat", "openid-1", "活动", "希望周末多些活动", Noon), (stored.ChannelId, stored.UserId, stored.Topic, stored.Content, stored.At));
        Assert.Null(stored.RepliedAt);
        (stored.RepliedAt, stored.RepliedBy, stored.ReplyDelivered) = (Noon.AddHours(1), "admin", true);
        store.Update(stored);
        var replied = store.Find(first.Id)!;
        Assert.Equal((Noon.AddHours(1), "admin", true), (replied.RepliedAt, replied.RepliedBy, replied.ReplyDelivered));
        Assert.Null(store.Find(second.Id + 100));
    }

    [SkippableFact]
    public void Lists_are_newest_first_within_the_limit_and_old_ones_are_deleted()
    {
        var store = Store();
        for (var i = 0; i < 5; i++) store.Add(Suggestion($"第{i}条", Noon.AddDays(-i)));
        Assert.Equal(["第0条", "第1条", "第2条"], store.Since(Noon.AddDays(-10), 3).Select(r => r.Content));
        Assert.Equal(["第0条", "第1条"], store.Since(Noon.AddDays(-1), 10).Select(r => r.Content));
        Assert.Equal(5, store.Since(DateTimeOffset.MinValue, 10).Count);

        Assert.Equal(2, store.DeleteBefore(Noon.AddDays(-2).AddMinutes(-1)));
        Assert.Equal(0, store.DeleteBefore(Noon.AddDays(-2).AddMinutes(-1)));
        Assert.Equal(["第0条", "第1条", "第2条"], store.Since(Noon.AddDays(-10), 10).Select(r => r.Content));
    }
}

public sealed class LiteDbFeedbackStoreContractTests : FeedbackStoreContractTests
{
    protected override IFeedbackStore Store() => new LiteFeedbackStore(NewLiteRecords("feedback-contract"));
}

public sealed class PostgresFeedbackStoreContractTests : FeedbackStoreContractTests
{
    protected override IFeedbackStore Store() => new PostgresFeedbackStore(NewPostgresRecords());
}
