using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatAssistant.Audit;
using ChatAssistant.Feedback;
using ChatAssistant.Staff;
using ChatAssistant.Tests.StaffConsole;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Feedback;

/// <summary>意见建议 from the chat to the committee's admins and back, and how long it is kept.</summary>
public sealed class FeedbackTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(BotHarness.DefaultNow);
    private AssistantServer _server = null!;
    private RecordingMessenger _messenger = null!;

    public async Task InitializeAsync()
    {
        (_server, _messenger) = await ConsoleServer.StartAsync(services: s => s.AddSingleton<TimeProvider>(_time));
        _server.Get<StaffStore>().Create("boss", ConsoleServer.Password + "!", StaffRoles.Admin, null, "市团委管理员");
        _server.Get<StaffStore>().Create("clerk", ConsoleServer.Password + "!", StaffRoles.Staff, "婺城区");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string> SuggestAsync(string userId, string content)
    {
        var user = new InProcessUser(_server, userId);
        await user.SayAsync("你好");
        await user.SayAsync("意见建议");
        await user.SayAsync("1");
        await user.SayAsync(content);
        var saved = Assert.Single(await user.SayAsync("是"));
        Assert.DoesNotContain("一周内", saved); // nobody promised a reply time
        return System.Text.RegularExpressions.Regex.Match(saved, "F\\d{5}").Value;
    }

    [Fact]
    public async Task Admins_read_suggestions_audited_and_answer_through_the_users_channel()
    {
        var number = await SuggestAsync("fb-user", "希望周末多组织一些社区志愿服务活动");
        using var boss = await StaffSession.SignInAsync(_server, "boss", ConsoleServer.Password + "!");
        var list = await boss.GetJsonAsync("/api/staff/feedback");
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal((number, "志愿服务", "希望周末多组织一些社区志愿服务活动"),
            (item.GetProperty("number").GetString(), item.GetProperty("topic").GetString(), item.GetProperty("content").GetString()));
        Assert.Equal(TimeSpan.FromHours(8), item.GetProperty("at").GetDateTimeOffset().Offset);
        Assert.DoesNotContain("fb-user", list.GetRawText()); // who sent it stays out of the list
        Assert.Contains(_server.Get<AuditLog>().Recent(10, "feedback"), e => e.Action == "feedback.list" && e.Actor == "staff:boss");

        var reply = await boss.PostAsync($"/api/staff/feedback/{number}/reply", new { text = "谢谢建议，下月起每周六上午安排活动。" });
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var sent = Assert.Single(_messenger.Sent);
        Assert.Equal(("fb-user", $"【意见建议回复】你提交的意见建议 {number}：谢谢建议，下月起每周六上午安排活动。"), (sent.UserId, sent.Text));
        Assert.Contains(_server.Get<AuditLog>().Recent(10, "feedback:" + number), e => e.Action == "feedback.reply");

        // Bad input changes nothing and sends nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await boss.PostAsync($"/api/staff/feedback/{number}/reply", new { text = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boss.PostAsync("/api/staff/feedback/F99999/reply", new { text = "你好" })).StatusCode);
        Assert.Single(_messenger.Sent);
    }

    [Fact]
    public async Task District_staff_and_anonymous_callers_cannot_read_suggestions()
    {
        await SuggestAsync("fb-user2", "希望助手能提醒志愿活动报名截止时间");
        using var clerk = await StaffSession.SignInAsync(_server, "clerk", ConsoleServer.Password + "!");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/staff/feedback")).StatusCode);
        using var anonymous = _server.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/staff/feedback")).StatusCode);
    }

    [Fact]
    public async Task Suggestions_are_deleted_after_the_retention_period()
    {
        await SuggestAsync("fb-new", "新的建议：希望活动通知更早发布");
        var store = _server.Get<IFeedbackStore>();
        store.Add(new FeedbackRecord { ChannelId = "test", UserId = "fb-old", Topic = "其他", Content = "旧的建议：希望增加线上志愿活动", At = _time.GetUtcNow().AddDays(-366) });
        store.Add(new FeedbackRecord { ChannelId = "test", UserId = "fb-kept", Topic = "其他", Content = "快满一年的建议：希望多些培训", At = _time.GetUtcNow().AddDays(-364) });
        var sweeper = _server.Services.GetServices<IHostedService>().OfType<FeedbackRetentionService>().Single();
        Assert.Equal(1, sweeper.Sweep()); // the default keeps a year
        Assert.Equal(["新的建议：希望活动通知更早发布", "快满一年的建议：希望多些培训"], store.Since(DateTimeOffset.MinValue, 10).Select(r => r.Content));
    }
}
