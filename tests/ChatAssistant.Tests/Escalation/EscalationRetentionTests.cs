using ChatAssistant.Escalation;
using ChatAssistant.Tests.StaffConsole;
using ChatAssistant.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Escalation;

/// <summary>What a young person wrote to a person is kept only as long as needed (Escalation:RetentionDays).</summary>
public sealed class EscalationRetentionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(BotHarness.DefaultNow);
    private AssistantServer _server = null!;

    public async Task InitializeAsync() =>
        (_server, _) = await ConsoleServer.StartAsync(services: s => s.AddSingleton<TimeProvider>(_time));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string> HandOffAsync(string userId, string message, bool end)
    {
        var user = new InProcessUser(_server, userId);
        await user.SayAsync("你好");
        await user.SayAsync("转人工");
        await user.SayAsync(message);
        var id = ConsoleServer.NewestEscalationId(_server);
        if (end) await user.SayAsync("结束人工");
        return id;
    }

    [Fact]
    public async Task Transcripts_of_hand_offs_resolved_long_ago_are_deleted_and_open_or_recent_ones_kept()
    {
        var store = _server.Get<EscalationStore>();
        var old = await HandOffAsync("wu1", "我家住在城东小区5栋，电话13700001111", end: true);
        Assert.Equal(EscalationStatus.Resolved, store.Get(old)!.Status);
        _time.Advance(TimeSpan.FromDays(100));
        var recent = await HandOffAsync("wu2", "最近和同学闹矛盾，想找人聊聊", end: true);
        var open = await HandOffAsync("jd1", "还在等工作人员回复", end: false);
        _time.Advance(TimeSpan.FromDays(90)); // old: resolved 190 days ago; recent: 90

        // The service's own six-hourly timer runs on the same clock, so it may have swept already.
        var sweeper = _server.Services.GetServices<IHostedService>().OfType<EscalationRetentionService>().Single();
        sweeper.Sweep();
        Assert.Empty(store.Entries(old));
        var purged = store.Get(old)!;
        Assert.True(string.IsNullOrEmpty(purged.UserId) && string.IsNullOrEmpty(purged.ConversationId));
        Assert.NotNull(purged.TranscriptDeletedAt);
        Assert.Equal(EscalationStatus.Resolved, purged.Status); // the record stays for the statistics
        Assert.Contains(store.Entries(recent), e => e.Text.Contains("闹矛盾", StringComparison.Ordinal));
        Assert.Contains(store.Entries(open), e => e.Text.Contains("还在等", StringComparison.Ordinal));
        Assert.Equal(0, sweeper.Sweep()); // once
        // A note on it now would outlive the purge: refused, nothing written.
        var note = _server.Get<EscalationDesk>().AddNote(old, new ChatAssistant.Staff.StaffAccount { UserName = "li", DisplayName = "李老师" }, "回访过了");
        Assert.Equal(DeskRefusals.Purged, note.Refusal);
        Assert.Empty(store.Entries(old));
        // Nothing of it is left in the file either (the text was encrypted, the OpenID was not).
        Assert.DoesNotContain(_server.Get<ILiteDatabase>().GetCollection(ChatAssistant.Escalation.LiteDb.LiteEscalationRecords.Collection).FindAll(), d => d.ToString().Contains("wu1", StringComparison.Ordinal));
    }
}
