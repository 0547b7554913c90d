using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatAssistant.Adapters.WeCom.Fake;
using ChatAssistant.Audit;
using ChatAssistant.Conversation;
using ChatAssistant.Escalation;
using ChatAssistant.Safety;
using ChatAssistant.Staff;
using ChatAssistant.StaffPhone;
using ChatAssistant.Tests.StaffConsole;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using ChatAssistant.Tests.Support.WeCom;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.StaffPhone;

/// <summary>
/// Issue #28 end to end, over real HTTP with the fake WeChat and WeCom APIs as real servers, sessions and locks in a real
/// redis-server and real LiteDB: a crisis at 03:06 alerts the on-call member's phone at once, unanswered past the
/// (shortened) limit the next person on the rota gets it, 接手 on the phone claims the conversation (the console's event
/// stream shows it) and updates every card, the member's WeCom text reaches the young person, the young person's reply
/// reaches WeCom, and 「/结束」 returns them to the bot.
/// </summary>
public sealed class CrisisOnCallOverWeComTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const string Token = "wecomtoken42";
    private const string CorpId = "ww0123456789abcdef";
    private const string AesKey = "ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>Friday 2026-11-27 03:06 Beijing: outside office hours.</summary>
    private static readonly DateTimeOffset Night = new(2026, 11, 27, 3, 6, 0, TimeSpan.FromHours(8));

    [SkippableFact]
    public async Task A_crisis_at_night_reaches_the_on_call_phone_goes_up_the_rota_and_is_answered_and_ended_from_WeCom()
    {
        redis.Require();
        var time = new FakeTimeProvider(Night);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        await using var wecom = await FakeWeComApi.StartAsync();
        var settings = redis.DeploymentSettings(more:
        [
            ("Booking:SeedDemoStudio", "false"),
            ("WeChat:UserMessagesPerMinute", "600"),
            ("WeCom:CorpId", CorpId), ("WeCom:AgentId", "1000002"), ("WeCom:Secret", "wecom-secret"),
            ("WeCom:Token", Token), ("WeCom:EncodingAESKey", AesKey), ("WeCom:ApiBaseUrl", wecom.BaseAddress.ToString()),
            ("Escalation:UrgentAcknowledgeWithin", Limit.ToString()),
            // alice is on call at night, bob in the day: at 03:06 only alice is on duty, bob is next on the rota.
            ("Escalation:OnCall:0:County", "天台县"), ("Escalation:OnCall:0:Staff", "alice"), ("Escalation:OnCall:0:Days", "1-7"),
            ("Escalation:OnCall:0:From", "18:00"), ("Escalation:OnCall:0:To", "09:00"),
            ("Escalation:OnCall:1:County", "天台县"), ("Escalation:OnCall:1:Staff", "bob"), ("Escalation:OnCall:1:Days", "1-5"),
            ("Escalation:OnCall:1:From", "09:00"), ("Escalation:OnCall:1:To", "17:30"),
        ]);
        await using var wechat = await WeChatTestServer.StartAsync(scripted: false, overrides: settings, time: time);
        var store = wechat.Server.Get<StaffStore>();
        var alice = store.Create("alice", "a long enough password", StaffRoles.Staff, "天台县", "小艾");
        store.Create("bob", "a long enough password", StaffRoles.Staff, "天台县", "小博");
        store.Create("boss", "a long enough password", StaffRoles.Admin, null);
        using var admin = wechat.Server.CreateClient(cookies: false);
        admin.DefaultRequestHeaders.Authorization = new("Bearer", wechat.Server.Get<StaffTokens>().Issue("boss", "test"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/staff/accounts/alice/wecom", new { userId = "alice-wx" })).StatusCode);
        // bob wants no alerts of his own: only the rota reaches him.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/staff/accounts/bob/wecom", new { userId = "bob-wx", alerts = "none" })).StatusCode);

        // The young person, in a help request for 天台县, writes in crisis at 03:06.
        var chat = new WeChatChat(wechat, "oNight0306");
        await chat.SayAsync("你好");
        await chat.SayAsync("求助");
        await chat.SayAsync("是");
        await chat.SayAsync("14到18岁");
        await chat.SayAsync("天台");
        var crisisAt = DateTime.UtcNow;
        var answer = await chat.SayAsync("我想死，活着没意思");
        Assert.StartsWith(SafetyTexts.CrisisReply, answer);
        // Told honestly what happens next, not to wait for office hours.
        Assert.Contains(EscalationTexts.ConnectedUrgentOnCall, answer);
        Assert.DoesNotContain("上班后", answer);

        // The on-call member's phone gets the card within 5 seconds: county, reason, waiting time, 接手.
        var card = await FakeWeComApi.WaitForAsync(() => wecom.CardsTo("alice-wx").FirstOrDefault(), TimeSpan.FromSeconds(5));
        Assert.NotNull(card);
        Assert.True(DateTime.UtcNow - crisisAt < TimeSpan.FromSeconds(5 + 2));
        var lines = card.Card!.Value.GetProperty("horizontal_content_list").EnumerateArray().ToDictionary(e => e.GetProperty("keyname").GetString()!, e => e.GetProperty("value").GetString()!);
        Assert.Equal("天台县", lines[StaffPhoneTexts.CountyLabel]);
        Assert.StartsWith("危机求助", lines[StaffPhoneTexts.ReasonLabel]);
        Assert.EndsWith("分钟", lines[StaffPhoneTexts.WaitingLabel]);
        Assert.Equal(StaffPhoneTexts.ClaimButton, card.Card!.Value.GetProperty("button_list")[0].GetProperty("text").GetString());
        var record = Assert.Single(wechat.Server.Get<ChatAssistant.Escalation.EscalationStore>().All(), e => e.UserId == "oNight0306");
        Assert.Equal(PhoneCards.ClaimPrefix + record.Id, card.ButtonKey);
        Assert.True(record.Urgent);
        Assert.Empty(wecom.CardsTo("bob-wx"));

        // The safety message the young person got is in the transcript staff read.
        var detail = await WeChatAssistant.JsonAsync(admin, $"/api/staff/escalations/{record.Id}");
        Assert.Contains(detail.GetProperty("transcript").EnumerateArray(), l => l.GetProperty("kind").GetString() == "Bot" && l.GetProperty("text").GetString()!.StartsWith(SafetyTexts.CrisisReply, StringComparison.Ordinal));
        // Its acknowledge limit is the urgent one.
        var summary = detail.GetProperty("summary");
        Assert.Equal(summary.GetProperty("createdAt").GetDateTimeOffset() + Limit, summary.GetProperty("acknowledgeDue").GetDateTimeOffset());

        // Nobody presses 接手: just before the limit nothing more; past it the next person on the rota gets the card.
        time.Advance(Limit - TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        Assert.Empty(wecom.CardsTo("bob-wx"));
        var bobs = await AdvanceUntilAsync(time, () => wecom.CardsTo("bob-wx").FirstOrDefault());
        Assert.NotNull(bobs);
        var audit = wechat.Server.Get<AuditLog>().Recent(50, subject: $"escalation:{record.Id}");
        Assert.Contains(audit, a => a.Action == "oncall.alert" && a.Detail!.StartsWith("step 1: alice", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "oncall.alert" && a.Detail!.StartsWith("step 2: bob, boss", StringComparison.Ordinal));

        // alice presses 接手 on her card: the conversation is hers, the console hears it live, every card says so.
        await using var console = await EventReader.OpenAsync(admin);
        var callbacks = new WeComCallbacks(wechat.Client, Token, CorpId, AesKey, time);
        var (status, reply) = await callbacks.SendAsync(callbacks.ButtonPress("alice-wx", card.ButtonKey!, card.Card!.Value.GetProperty("task_id").GetString()!, wecom.IssueResponseCode()));
        Assert.Equal(200, status);
        Assert.StartsWith("你已接手天台县的对话", reply);
        Assert.Contains("我想死，活着没意思", reply);
        var claimed = wechat.Server.Get<EscalationStore>().Get(record.Id)!;
        Assert.Equal((EscalationStatus.Claimed, alice.Id), (claimed.Status, claimed.AssigneeId));
        var seen = await NextWhatAsync(console, record.Id.ToString(), "claimed");
        Assert.Equal("claimed", seen);
        var updates = await WaitAsync(() => wecom.CardUpdates.Count >= 2 ? wecom.CardUpdates : null);
        Assert.NotNull(updates);
        Assert.All(updates, u => Assert.Equal(StaffPhoneTexts.ClaimedBy("小艾"), u.ReplaceName));
        Assert.Equal(["alice-wx", "bob-wx"], updates.SelectMany(u => u.Users).Order());
        Assert.Contains(wechat.Server.Get<AuditLog>().Recent(50, subject: $"escalation:{record.Id}"), a => a.Action == "oncall.acknowledged" && a.Detail!.StartsWith("by 小艾", StringComparison.Ordinal));

        // alice writes from her phone: it reaches the young person through the Official Account (once, though WeCom retried).
        var words = "你好，我是值班的社工小艾，你现在在哪里？安全吗？";
        var (body, query) = callbacks.Sign(callbacks.Text("alice-wx", words));
        Assert.Equal(200, (await callbacks.PostAsync(body, query)).Status);
        var (retryBody, retryQuery) = callbacks.Sign(WeComRetryOf(body, callbacks), nonce: null);
        Assert.Equal(200, (await callbacks.PostAsync(retryBody, retryQuery)).Status);
        await wechat.DrainAsync();
        Assert.Single(wechat.Api.TextsTo("oNight0306"), t => t == words);

        // The young person answers: it reaches alice's phone, and the bot stays quiet (a person is here).
        Assert.Equal("", await chat.SayAsync("在学校宿舍，室友都在"));
        var forwarded = await WaitAsync(() => wecom.TextsTo("alice-wx").FirstOrDefault(t => t.EndsWith("在学校宿舍，室友都在", StringComparison.Ordinal)));
        Assert.NotNull(forwarded);
        Assert.StartsWith(EscalationViews.Pseudonym(record), forwarded);

        // An image from the young person reaches the phone as a note (the picture itself stays in WeChat).
        time.Advance(TimeSpan.FromSeconds(4));
        var image = ChatAssistant.Adapters.WeChat.WeChatXml.Write([new("ToUserName", "gh_test"), new("FromUserName", "oNight0306"),
            new("CreateTime", time.GetUtcNow().ToUnixTimeSeconds().ToString()), new("MsgType", "image"), new("PicUrl", "http://example.invalid/a.jpg"),
            new("MediaId", "m1"), new("MsgId", "88000001")]);
        Assert.Equal(200, (await wechat.PostAsync(image, WeChatMode.Safe)).Status);
        Assert.NotNull(await WaitAsync(() => wecom.TextsTo("alice-wx").FirstOrDefault(t => t.EndsWith(ConversationTexts.NonTextForStaff(ChatAssistant.Adapters.WeChat.WeChatContentTypes.Image), StringComparison.Ordinal))));

        // 「/结束」 needs a note on a crisis; with one, the young person is back with the bot.
        Assert.Equal(StaffPhoneTexts.UrgentNeedsNote, (await callbacks.SendAsync(callbacks.Text("alice-wx", "/结束"))).Reply);
        Assert.Equal(StaffPhoneTexts.Ended, (await callbacks.SendAsync(callbacks.Text("alice-wx", "/结束 已电话联系，本人安全"))).Reply);
        Assert.Equal(EscalationStatus.Resolved, wechat.Server.Get<EscalationStore>().Get(record.Id)!.Status);
        await wechat.DrainAsync();
        Assert.Contains(EscalationTexts.EndedByStaff, wechat.Api.TextsTo("oNight0306"));
        Assert.StartsWith(ConversationTexts.MenuHeading, await chat.SayAsync("菜单"));

        // Everything is on the one transcript the console shows.
        var transcript = (await WeChatAssistant.JsonAsync(admin, $"/api/staff/escalations/{record.Id}")).GetProperty("transcript").EnumerateArray().Select(l => l.GetProperty("text").GetString()).ToList();
        Assert.Contains(words, transcript);
        Assert.Contains("在学校宿舍，室友都在", transcript);
        Assert.Contains(EscalationTexts.EndedByStaff, transcript);
    }

    // WeCom retries a callback it got no answer to with the same message (same MsgId) under a new signature.
    private static string WeComRetryOf(string body, WeComCallbacks callbacks)
    {
        _ = callbacks;
        var encrypt = ChatAssistant.Adapters.WeChat.WeChatXml.Parse(body)["Encrypt"];
        return new WeChatRequestBuilder(Token, CorpId, AesKey, TimeProvider.System).Cipher.Decrypt(encrypt);
    }

    private static async Task<T?> AdvanceUntilAsync<T>(FakeTimeProvider time, Func<T?> found) where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (found() is { } value) return value;
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(100);
        }
        return found();
    }

    private static Task<T?> WaitAsync<T>(Func<T?> found) where T : class => FakeWeComApi.WaitForAsync(found, TimeSpan.FromSeconds(5));

    private static async Task<string> NextWhatAsync(EventReader console, string id, string what)
    {
        while (true)
        {
            var data = await console.NextAsync("escalation");
            if (data.GetProperty("id").GetString() == id && data.GetProperty("what").GetString() == what) return what;
        }
    }
}
