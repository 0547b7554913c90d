using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Adapters.Web;
using ChatAssistant.Escalation;
using ChatAssistant.Guide;
using ChatAssistant.Safety;
using ChatAssistant.Tests.Disputes;
using ChatAssistant.Tests.Support;
using ChatAssistant.WebChat;
using LiteDB;

namespace ChatAssistant.Tests.WebChat;

/// <summary>The web chat at <c>/</c> over real HTTP: the page, the cookie that names the visitor, the turn, limits, staff replies.</summary>
public sealed class WebChatTests
{
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SayAsync(HttpClient client, string text)
    {
        using var response = await client.PostAsJsonAsync("/api/webchat/messages", new { text });
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string[] Replies(JsonElement body) => body.GetProperty("replies").EnumerateArray().Select(r => r.GetString()!).ToArray();

    [Fact]
    public async Task On_the_embedded_default_the_page_is_served_with_a_strict_policy_and_a_signed_visitor_cookie_and_a_guide_question_is_answered()
    {
        await using var server = await AssistantServer.StartAsync();
        var jar = new CookieContainer();
        using var client = server.CreateClient(jar);

        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType!.ToString());
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        var cookie = Assert.Single(jar.GetCookies(server.BaseAddress), c => c.Name == WebChatVisitor.CookieName);
        Assert.True(cookie.HttpOnly);
        Assert.DoesNotContain("web-", cookie.Value, StringComparison.Ordinal); // the id is sealed, not readable

        var (status, body) = await SayAsync(client, "志愿汇怎么注册");
        Assert.Equal(HttpStatusCode.OK, status);
        var replies = Replies(body);
        Assert.Contains(replies, r => r.Contains("志愿汇", StringComparison.Ordinal) && r.EndsWith(GuideTexts.AnswerFooter, StringComparison.Ordinal));
        Assert.Equal(cookie.Value, jar.GetCookies(server.BaseAddress)[WebChatVisitor.CookieName]!.Value); // the same visitor
    }

    [Fact]
    public async Task With_a_WeChat_account_configured_the_chat_is_off_unless_it_is_turned_on()
    {
        var wechat = Settings(("WeChat:Token", "webchattoken"), ("WeChat:AppId", "wx0000000000webchat"),
            ("Disputes:EncryptionKey", Convert.ToBase64String(new byte[32])), ("Identity:CodeSecret", Convert.ToBase64String(new byte[32])));
        await using (var production = await AssistantServer.StartAsync(wechat))
        {
            using var client = production.CreateClient();
            using var page = await client.GetAsync("/");
            Assert.StartsWith("text/plain", page.Content.Headers.ContentType!.ToString());
            using var post = await client.PostAsJsonAsync("/api/webchat/messages", new { text = "菜单" });
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        wechat["WebChat:Enabled"] = "true";
        await using var turnedOn = await AssistantServer.StartAsync(wechat);
        using var on = turnedOn.CreateClient();
        var (status, _) = await SayAsync(on, "菜单");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_forged_or_foreign_cookie_is_a_new_visitor_and_does_not_reach_another_visitors_conversation()
    {
        await using var server = await AssistantServer.StartAsync();
        var jar = new CookieContainer();
        using var first = server.CreateClient(jar);
        Assert.Contains(Replies((await SayAsync(first, "求助")).Body), r => r.Contains("亲青老娘舅", StringComparison.Ordinal));

        using var forger = server.CreateClient(cookies: false);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/messages") { Content = JsonContent.Create(new { text = "是" }) };
        request.Headers.Add("Cookie", WebChatVisitor.CookieName + "=web-" + new string('a', 32));
        using var response = await forger.SendAsync(request);
        var replies = Replies(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(WebChatVisitor.CookieName + "=", StringComparison.Ordinal));
        // A newcomer: greeted, and its 「是」 is not the first visitor's consent.
        Assert.DoesNotContain(replies, r => r.Contains("哪个县", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Empty_and_over_long_messages_are_refused_with_what_to_do_and_run_nothing()
    {
        await using var server = await AssistantServer.StartAsync(Settings(("WebChat:MaxLength", "20")));
        using var client = server.CreateClient();
        var (emptyStatus, empty) = await SayAsync(client, "   ");
        Assert.Equal(HttpStatusCode.BadRequest, emptyStatus);
        Assert.Equal(WebChatTexts.Empty, empty.GetProperty("error").GetString());
        var (longStatus, tooLong) = await SayAsync(client, new string('长', 21));
        Assert.Equal(HttpStatusCode.BadRequest, longStatus);
        Assert.Equal(WebChatTexts.TooLong(20), tooLong.GetProperty("error").GetString());
        // Nothing ran: the first message that does is still greeted as a first contact.
        var (_, first) = await SayAsync(client, "你好");
        Assert.Contains(Replies(first), r => r.Contains("欢迎", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_visitor_sending_faster_than_the_limit_is_told_to_wait()
    {
        await using var server = await AssistantServer.StartAsync(Settings(("WebChat:MessagesPerMinute", "3")));
        using var client = server.CreateClient();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await SayAsync(client, "菜单")).Status);
        var (status, body) = await SayAsync(client, "菜单");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(WebChatTexts.TooFast, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_crisis_in_the_web_chat_gets_the_safety_message_and_an_urgent_hand_off_whose_staff_reply_reaches_the_page_sealed_in_the_store()
    {
        await using var server = await AssistantServer.StartAsync();
        using var client = server.CreateClient();
        await SayAsync(client, "你好");
        var (_, body) = await SayAsync(client, "我不想活了");
        Assert.Contains(SafetyTexts.CrisisReply, Replies(body));
        var record = server.Get<ChatAssistant.Escalation.EscalationStore>()
            .All().Single(r => r.ChannelId == WebChatAdapter.ChannelId);
        Assert.True(record.Urgent);
        Assert.Equal(EscalationReason.Crisis, record.Reason);

        using var staff = DisputeFixtures.StaffClient(server, "webchat-admin", scope: null);
        const string reply = "我是值班的工作人员，我在，你现在安全吗？";
        using var sent = await staff.PostAsJsonAsync($"/api/staff/escalations/{record.Id}/reply", new { text = reply });
        var result = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement;
        Assert.True(sent.IsSuccessStatusCode, result.ToString());
        Assert.True(result.GetProperty("delivered").GetBoolean());

        var stored = await server.Get<IKeyValueCache>().GetAsync("webchat:inbox:" + record.UserId);
        Assert.NotNull(stored);
        Assert.DoesNotContain("工作人员", stored, StringComparison.Ordinal); // sealed with the field key

        var inbox = JsonDocument.Parse(await client.GetStringAsync("/api/webchat/inbox")).RootElement;
        Assert.Contains(Replies(inbox), r => r.Contains(reply, StringComparison.Ordinal));
        Assert.Empty(Replies(JsonDocument.Parse(await client.GetStringAsync("/api/webchat/inbox")).RootElement)); // taken once
        // Another visitor's inbox is its own.
        using var other = server.CreateClient();
        Assert.Empty(Replies(JsonDocument.Parse(await other.GetStringAsync("/api/webchat/inbox")).RootElement));
    }
}
