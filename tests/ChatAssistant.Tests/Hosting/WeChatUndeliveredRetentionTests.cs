using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Hosting;

/// <summary>
/// A reply WeChat refused is kept for staff in <c>wechat_undelivered</c>: its text sealed with the records' field key
/// (a late turn's reply can be the confirm step of a help request, with the description in it), and the whole row
/// deleted after <c>WeChat:UndeliveredRetentionDays</c>, rows written by earlier versions included.
/// </summary>
public sealed class WeChatUndeliveredRetentionTests
{
    private const string Collection = "wechat_undelivered";
    private const string Description = "和同桌闹矛盾，他总是拿走我的作业本";
    private static readonly Dictionary<string, string?> LateTurns = new() { ["WeChat:ReplyDeadline"] = "00:00:00.5" };

    private static List<BsonDocument> Rows(WeChatTestServer s) =>
        s.Services.GetRequiredService<ILiteDatabase>().GetCollection(Collection).FindAll().ToList();

    // A help request's confirm step, answered after WeChat stopped waiting, to a user outside the 48-hour window.
    private static async Task RefuseALateConfirmStepAsync(WeChatTestServer s, string openId, long msgId)
    {
        s.Api.FailFor(openId, WeChatApiResult.OutOfWindow);
        s.Scripted.OnTurn = async (turn, ct) =>
        {
            await Task.Delay(1000, ct);
            await turn.SendActivityAsync($"请确认您的求助：{Description}。回复“确认”提交。", cancellationToken: ct);
        };
        Assert.Equal("success", (await s.PostAsync(WeChatRequestBuilder.Text(openId, "确认", msgId))).Body);
        await s.DrainAsync();
    }

    [Fact]
    public async Task AnUndeliveredReply_IsKeptSealed_StaffStillReadIt()
    {
        await using var s = await WeChatTestServer.StartAsync(overrides: LateTurns);
        await RefuseALateConfirmStepAsync(s, "oMinor01", 9001);

        var row = Assert.Single(Rows(s));
        Assert.DoesNotContain(Description, row.ToString(), StringComparison.Ordinal);
        var kept = Assert.Single(s.Undelivered.List());
        Assert.Contains(Description, kept.Text, StringComparison.Ordinal);
        Assert.Equal(("oMinor01", 45015), (kept.OpenId, kept.ErrCode));
    }

    [Fact]
    public async Task UndeliveredRows_AreDeletedAfterTheRetentionDays_ResolvedOrNot()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var s = await WeChatTestServer.StartAsync(time: time, overrides: new Dictionary<string, string?>(LateTurns) { ["WeChat:UndeliveredRetentionDays"] = "7" });
        s.Undelivered.Add(new UndeliveredMessage("old1", "oOld", "custom", "很早以前的回复", 45015, "outside the window", time.GetUtcNow()));
        s.Undelivered.Add(new UndeliveredMessage("old2", "oOld", "custom", "很早以前的回复（已处理）", 45015, "outside the window", time.GetUtcNow()));
        Assert.True(s.Undelivered.MarkResolved("old2"));
        time.Advance(TimeSpan.FromDays(6));
        s.Undelivered.Add(new UndeliveredMessage("new1", "oNew", "custom", "六天后的回复", 45015, "outside the window", time.GetUtcNow()));

        // The sweep runs every few hours on the server's clock: two days on, the first two are 8 days old.
        time.Advance(TimeSpan.FromDays(2));
        await WaitUntilAsync(() => Rows(s).Count == 1);
        Assert.Equal("new1", Assert.Single(Rows(s))["_id"].AsString);
        Assert.Contains(s.Server.Logs.Lines, l => l.Contains("Retention: deleted 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RowsWrittenByThePreviousVersion_AreDeletedWhenOld_AndSealedOtherwise_AtStart()
    {
        using var data = new TempDirectory("wechat-legacy");
        var now = DateTimeOffset.UtcNow;
        using (var db = RecordsDatabase.Open(Path.Combine(data.Path, "assistant.db")))
        {
            // Exactly what the previous LiteDbUndeliveredStore wrote: text and OpenID in clear, no expiry.
            var rows = db.GetCollection(Collection);
            rows.Insert(Legacy("legacy-old", "oLegacy1", "旧版本留下的：" + Description, now.AddDays(-45), resolved: true));
            rows.Insert(Legacy("legacy-unresolved-old", "oLegacy2", "旧版本留下的未处理消息", now.AddDays(-31), resolved: false));
            rows.Insert(Legacy("legacy-young", "oLegacy3", "三天前：" + Description, now.AddDays(-3), resolved: false));
        }

        await using var s = await WeChatTestServer.StartAsync(dataDirectory: data.Path);
        var left = Assert.Single(Rows(s));
        Assert.Equal("legacy-young", left["_id"].AsString);
        Assert.DoesNotContain(Description, left.ToString(), StringComparison.Ordinal);
        var kept = Assert.Single(s.Undelivered.List());
        Assert.Equal(("oLegacy3", "三天前：" + Description, 45015), (kept.OpenId, kept.Text, kept.ErrCode));
    }

    private static BsonDocument Legacy(string id, string openId, string text, DateTimeOffset at, bool resolved) => new()
    {
        ["_id"] = id, ["OpenId"] = openId, ["Kind"] = "custom", ["Text"] = text, ["ErrCode"] = 45015,
        ["Reason"] = "outside the 48-hour window", ["At"] = at.UtcDateTime, ["Resolved"] = resolved,
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            if (waited > 5000) Assert.Fail("the retention sweep did not run");
            await Task.Delay(20);
        }
    }
}
