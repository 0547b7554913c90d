using System.Diagnostics;
using System.Net;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.Telemetry;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Knowledge;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;

namespace ChatAssistant.Tests.Operations;

/// <summary>
/// Metrics and traces of the real server (Kestrel, real Redis, real LiteDB, signed WeChat callbacks over HTTP): after a
/// scripted run <c>/metrics</c> shows what was sent, one message's trace has its intake, turn, Redis and records spans with
/// neither the sender nor the text in them, and <c>/metrics</c> answers only the machine and the configured addresses.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryOverWeChatTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const string Scraper = "198.51.100.7";
    private const string Stranger = "203.0.113.9";

    private async Task<(WeChatTestServer Server, List<Activity> Spans)> StartAsync()
    {
        redis.Require();
        var spans = new List<Activity>();
        var time = new FakeTimeProvider(WeChatAssistant.DefaultStart);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var settings = redis.DeploymentSettings(null,
            ("Booking:SeedDemoStudio", "false"), ("WeChat:UserMessagesPerMinute", "600"), ("Metrics:AllowedAddresses:0", "198.51.100.0/24"));
        var server = await WeChatTestServer.StartAsync(scripted: false, time: time, overrides: settings, services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        return (server, spans);
    }

    [SkippableFact]
    public async Task After_a_scripted_run_the_metrics_show_what_was_sent()
    {
        var (server, _) = await StartAsync();
        await using var _server = server;
        var guide = server.Services.GetRequiredService<KnowledgeBase>();
        var router = server.Services.GetRequiredService<MessageRouter>();
        bool ToGuide(string text) => router.Decide(text, UserRoles.None).Kind == RouteKind.Guide;

        // Questions the guide answers outright, and ones it is not sure of, as the router hands them to it.
        var answered = guide.Entries.SelectMany(e => e.Questions).Where(q => ToGuide(q) && guide.Ask(q) is GuideResult.Answer).Take(4).ToList();
        var notSure = new[] { "量子力学的薛定谔方程怎么解", "火星上的天气怎么样", "帮我写一首关于大海的诗", "股票明天会涨吗" }
            .Where(q => ToGuide(q) && guide.Ask(q) is GuideResult.NotSure).Take(2).ToList();
        Assert.Equal(4, answered.Count);
        Assert.Equal(2, notSure.Count);

        var expected = new Dictionary<string, int>();
        void Expect(string kind) => expected[kind] = expected.GetValueOrDefault(kind) + 1;
        var sent = 0;
        var clicks = 0;
        for (var u = 0; u < 3; u++)
        {
            var user = new WeChatChat(server, $"oMetrics{u}");
            await user.SayAsync("你好"); sent++; Expect(AssistantTelemetry.Kinds.Flow); // welcome and menu
            foreach (var q in answered) { await user.SayAsync(q); sent++; Expect(AssistantTelemetry.Kinds.Answered); }
            foreach (var q in notSure) { await user.SayAsync(q); sent++; Expect(AssistantTelemetry.Kinds.NotSure); }
            await user.SayAsync("谢谢"); sent++; Expect(AssistantTelemetry.Kinds.SmallTalk);
            await user.SayAsync("我的时长"); sent++; Expect(AssistantTelemetry.Kinds.Flow); // not bound: how to bind
            await ClickAsync(server, user.OpenId, "GUIDE"); sent++; clicks++;
        }

        using var scrapeClient = server.Server.CreateClient(cookies: false);
        var scrape = await scrapeClient.GetStringAsync("/metrics");
        Assert.Equal(sent, PrometheusText.Sum(scrape, "chatassistant_messages_total", ("account", WeChatAccount.DefaultName), ("channel", "wechat")));
        foreach (var (kind, count) in expected)
            Assert.True(count == PrometheusText.Sum(scrape, "chatassistant_answers_total", ("kind", kind)), $"{kind}: expected {count}\n{scrape}");
        Assert.Equal(sent - clicks, PrometheusText.Sum(scrape, "chatassistant_answers_total"));
        Assert.Equal(sent, PrometheusText.Sum(scrape, "chatassistant_turn_duration_seconds_count", ("channel", "wechat")));
        Assert.Equal(0, PrometheusText.Sum(scrape, "chatassistant_store_failures_total"));
        // ASP.NET Core's and the runtime's own instruments are there too.
        Assert.Contains("http_server_request_duration_seconds", scrape, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", scrape, StringComparison.Ordinal);
        // Nothing personal: no OpenID in any label.
        Assert.DoesNotContain("oMetrics", scrape, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task One_messages_trace_has_intake_turn_redis_and_records_spans_without_the_sender_or_the_text()
    {
        var (server, spans) = await StartAsync();
        await using var _server = server;
        const string openId = "oTraced0123456789";
        const string text = "我想了解一下志愿者注册需要什么材料";
        var user = new WeChatChat(server, openId);
        await user.SayAsync("你好"); // first contact and its welcome: the traced message is an ordinary one

        ActivityTraceId traceId;
        // The message goes out under a sampled trace of the test's own, so its spans are told from every other's.
        using (var root = new Activity("test: one message").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            root.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            traceId = root.TraceId;
            Assert.Contains("志愿", await user.SayAsync(text), StringComparison.Ordinal);
        }
        List<Activity> Trace()
        {
            lock (spans) return spans.Where(s => s.TraceId == traceId).ToList();
        }
        // Redis's spans are handed over from the connection's profiler within a second.
        for (var waited = 0; waited < 15_000 && !Trace().Any(s => Equals(s.GetTagItem("db.system"), "redis")); waited += 100) await Task.Delay(100);

        var trace = Trace();
        string all;
        lock (spans) all = string.Join("\n", spans.Select(s => $"{s.TraceId} {s.Source.Name} {s.DisplayName} {s.Kind}"));
        var names = string.Join(", ", trace.Select(s => s.DisplayName).Distinct()) + "\nall:\n" + all;
        Assert.True(trace.Any(s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server), names);
        var intake = Assert.Single(trace, s => s.DisplayName == "wechat intake");
        Assert.Equal("admitted", intake.GetTagItem("chatassistant.outcome"));
        var turn = Assert.Single(trace, s => s.DisplayName == "turn");
        Assert.Equal("wechat", turn.GetTagItem("chatassistant.channel"));
        Assert.True(trace.Any(s => Equals(s.GetTagItem("db.system"), "redis")), names);
        Assert.True(trace.Any(s => s.DisplayName.StartsWith("records ", StringComparison.Ordinal) && s.ParentSpanId != default), names);
        // The turn and the records spans inside it hang from the request: one tree.
        var ids = trace.Select(s => s.SpanId).ToHashSet();
        Assert.All(trace.Where(s => s.Source.Name == AssistantTelemetry.Name), s => Assert.Contains(s.ParentSpanId, ids));

        foreach (var span in trace)
        {
            var said = new List<string> { span.DisplayName, span.OperationName, span.StatusDescription ?? "" };
            said.AddRange(span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            said.AddRange(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")));
            said.AddRange(span.Baggage.Select(b => $"{b.Key}={b.Value}"));
            foreach (var item in said)
            {
                Assert.DoesNotContain(openId, item, StringComparison.Ordinal);
                Assert.DoesNotContain("志愿者注册", item, StringComparison.Ordinal);
            }
        }
    }

    [SkippableFact]
    public async Task Metrics_answer_the_machine_and_the_configured_addresses_only()
    {
        var (server, _) = await StartAsync();
        await using var _server = server;
        using var client = server.Server.CreateClient(cookies: false);

        // Straight from this machine.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
        // Through the proxy on this machine (trusted: loopback), for a client elsewhere: judged by that client.
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsFromAsync(client, Stranger)).StatusCode);
        var allowed = await GetAsFromAsync(client, Scraper);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("chatassistant", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> GetAsFromAsync(HttpClient client, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", address);
        return client.SendAsync(request);
    }

    private static async Task ClickAsync(WeChatTestServer server, string openId, string key)
    {
        if (server.Time is FakeTimeProvider fake) fake.Advance(TimeSpan.FromSeconds(4));
        var xml = WeChatXml.Write([new("ToUserName", "gh_test"), new("FromUserName", openId),
            new("CreateTime", server.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("MsgType", "event"), new("Event", "CLICK"), new("EventKey", key)]);
        var (status, _) = await server.PostAsync(xml, WeChatMode.Safe);
        Assert.Equal(200, status);
        await server.DrainAsync();
    }
}
