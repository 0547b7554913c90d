using System.Text.Json;
using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.WeChat.Fake;
using ChatAssistant.Hosting;
using ChatAssistant.Hosting.WeChat;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Extensions.Configuration;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>The API client, token sharing, delivery rules and the menu command, against the fake WeChat API over HTTP.</summary>
public sealed class WeChatApiTests : IAsyncLifetime
{
    private FakeWeChatApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeWeChatApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task ParallelSendsOnTwoInstances_FetchOneSharedToken()
    {
        var cache = new InMemoryKeyValueCache(TimeProvider.System);
        var locks = new InMemoryDistributedLock();
        await using var one = new WeChatApiHarness(_api, cache, locks);
        await using var two = new WeChatApiHarness(_api, cache, locks);
        var sends = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? one : two).Get<WeChatApi>().SendCustomTextAsync($"o{i}", "你好", default));
        var results = await Task.WhenAll(sends);
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(1, _api.TokensIssued);
    }

    [Fact]
    public async Task RejectedToken_IsRefreshedOnceAndTheSendRetriedOnce()
    {
        await using var h = new WeChatApiHarness(_api);
        var api = h.Get<WeChatApi>();
        Assert.True((await api.SendCustomTextAsync("oA", "一", default)).Succeeded);
        _api.ExpireTokens(); // e.g. another deployment fetched a new token
        Assert.True((await api.SendCustomTextAsync("oA", "二", default)).Succeeded);
        Assert.Equal(2, _api.TokensIssued);
        Assert.Equal(["一", "二"], _api.TextsTo("oA"));
        Assert.Single(_api.Calls, c => c.ErrCode == 40001);
    }

    [Fact]
    public async Task RefusedToken_IsNotAskedForOnEverySend_AndIsAskedForAgainAfterThePause()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = new WeChatApiHarness(_api, time: clock);
        var messenger = h.Get<WeChatMessenger>();
        _api.RefuseTokens(40164); // the server's IP is not on the account's whitelist
        // A reminder batch: every send fails and is recorded, but WeChat's token endpoint (2,000 calls a day) is asked once.
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => messenger.SendTextAsync($"oR{i}", "明天值班提醒", default)));
        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.Equal(30, h.Get<IUndeliveredMessageStore>().List().Count);
        Assert.Equal(1, _api.TokenRequests);

        _api.RefuseTokens(0); // the operator fixed the whitelist
        clock.Advance(WeChatAccessTokens.RefusalPause + TimeSpan.FromSeconds(1));
        Assert.True((await messenger.SendTextAsync("oR0", "明天值班提醒", default)).Succeeded);
        Assert.Equal(2, _api.TokenRequests);
    }

    [Fact]
    public async Task TemporaryQrCode_AsksForAStringSceneWithItsLifetime_AndAStaleTokenIsRefreshedOnce()
    {
        await using var h = new WeChatApiHarness(_api);
        var api = h.Get<WeChatApi>();
        var first = await api.CreateTemporaryQrCodeAsync("duty:7:abc", TimeSpan.FromMinutes(2), default);
        Assert.True(first.Succeeded, first.ErrMsg);
        Assert.Equal((120, "duty:7:abc"), (first.ExpireSeconds, _api.SceneOf(first.Ticket!)));
        Assert.StartsWith("http://weixin.qq.com/q/", first.Url);
        var call = Assert.Single(_api.Calls);
        Assert.EndsWith("/cgi-bin/qrcode/create", call.Path);
        Assert.Equal("QR_STR_SCENE", call.Body.GetProperty("action_name").GetString());
        Assert.Equal(120, call.Body.GetProperty("expire_seconds").GetInt32());
        Assert.Equal("duty:7:abc", call.Body.GetProperty("action_info").GetProperty("scene").GetProperty("scene_str").GetString());

        _api.ExpireTokens();
        var second = await api.CreateTemporaryQrCodeAsync("duty:7:def", TimeSpan.FromSeconds(90), default);
        Assert.True(second.Succeeded);
        Assert.NotEqual(first.Ticket, second.Ticket);
        Assert.Equal(2, _api.TokensIssued);
        Assert.Equal(2, _api.QrCodesCreated);

        // A scene WeChat would refuse (over 64 characters) comes back as WeChat's error, not an exception.
        var refused = await api.CreateTemporaryQrCodeAsync(new string('x', 65), TimeSpan.FromMinutes(2), default);
        Assert.Equal((false, 40097), (refused.Succeeded, refused.ErrCode));
    }

    [Fact]
    public async Task QuotaAfterOneUserMessage_FiveSendsThenRecorded45047()
    {
        await using var h = new WeChatApiHarness(_api);
        h.Get<WeChatDeliveryPolicy>().NoteInbound("oQ", userMessage: true);
        var messenger = h.Get<WeChatMessenger>();
        var results = new List<WeChatApiResult>();
        for (var i = 1; i <= 6; i++) results.Add(await messenger.SendTextAsync("oQ", $"第{i}条", default));
        Assert.Equal(5, results.Count(r => r.Succeeded));
        Assert.Equal(WeChatApiResult.OverQuota, results[^1].ErrCode);
        Assert.Equal(5, _api.TextsTo("oQ").Count);
        var kept = Assert.Single(h.Get<IUndeliveredMessageStore>().List());
        Assert.Equal(("第6条", 45047), (kept.Text, kept.ErrCode));
    }

    [Fact]
    public async Task MenuClickWindow_AllowsThreeSends()
    {
        await using var h = new WeChatApiHarness(_api);
        h.Get<WeChatDeliveryPolicy>().NoteInbound("oM", userMessage: false);
        var messenger = h.Get<WeChatMessenger>();
        var ok = 0;
        for (var i = 0; i < 4; i++) if ((await messenger.SendTextAsync("oM", "x", default)).Succeeded) ok++;
        Assert.Equal(3, ok);
    }

    [Fact]
    public async Task ProactiveSend_ReturnsWeChatsCodeAndRecordsIt()
    {
        await using var h = new WeChatApiHarness(_api);
        _api.FailFor("oOld", 45015);
        var result = await h.Get<WeChatUserMessenger>().SendAsync(new OutboundMessage("wechat", "oOld", "工作人员回复：已为您登记。"));
        Assert.Equal((false, "45015"), (result.Delivered, result.ErrorCode));
        var kept = Assert.Single(h.Get<IUndeliveredMessageStore>().List());
        Assert.Equal("工作人员回复：已为您登记。", kept.Text);
        Assert.True(h.Get<IUndeliveredMessageStore>().MarkResolved(kept.Id));
        Assert.Empty(h.Get<IUndeliveredMessageStore>().List());
        Assert.Single(h.Get<IUndeliveredMessageStore>().List(includeResolved: true));
    }

    [Fact]
    public async Task ProactiveSend_WithConfiguredTemplate_UsesTheTemplate()
    {
        await using var h = new WeChatApiHarness(_api, overrides: new Dictionary<string, string?> { ["WeChat:Templates:duty_reminder"] = "TPL123" });
        var result = await h.Get<WeChatUserMessenger>().SendAsync(new OutboundMessage("wechat", "oDuty", "明天14:00值班", "duty_reminder",
            new Dictionary<string, string> { ["time"] = "明天14:00" }));
        Assert.True(result.Delivered);
        var call = Assert.Single(_api.Calls);
        Assert.EndsWith("template/send", call.Path);
        Assert.Equal("TPL123", call.Body.GetProperty("template_id").GetString());
        Assert.Equal("明天14:00", call.Body.GetProperty("data").GetProperty("time").GetProperty("value").GetString());
    }

    [Fact]
    public async Task UnreachableApi_IsRecordedNotThrown()
    {
        await using var h = new WeChatApiHarness(_api, overrides: new Dictionary<string, string?> { ["WeChat:ApiBaseUrl"] = "http://127.0.0.1:1/" });
        var result = await h.Get<WeChatMessenger>().SendTextAsync("oX", "你好", default);
        Assert.Equal(WeChatApiResult.Unreachable, result.ErrCode);
        Assert.Single(h.Get<IUndeliveredMessageStore>().List());
    }

    [Fact]
    public async Task MenuPublishCommand_PublishesTheRepositoryMenu()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WeChat:Token"] = "token123", ["WeChat:AppId"] = "wxmenu", ["WeChat:AppSecret"] = "secret", ["WeChat:ApiBaseUrl"] = _api.BaseAddress.ToString(),
        }).Build();
        var menuFile = Path.Combine(RepositoryRoot(), "bot", "wechat-menu.json");
        var output = new StringWriter();
        var parse = WeChatCommands.Create(configuration).Parse(["menu", "publish", "--file", menuFile]);
        var error = new StringWriter();
        var exit = await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        Assert.True(exit == 0, error.ToString());
        Assert.StartsWith("Menu published from", output.ToString());
        var call = Assert.Single(_api.Calls);
        Assert.EndsWith("menu/create", call.Path);
        var keys = JsonKeys(call.Body).ToList();
        Assert.Equal(["GUIDE", "BOOKING", "HOURS", "HELP_REQUEST"], keys);
        Assert.Contains("志愿指南", JsonSerializer.Serialize(call.Body, WeChatApiClient.Json));
    }

    [Fact]
    public async Task MenuPublishCommand_WithoutSecret_SaysWhichSettingsToSet()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["WeChat:Token"] = "token123", ["WeChat:AppId"] = "wxmenu" }).Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WeChatCommands.PublishAsync(new FileInfo(Path.Combine(RepositoryRoot(), "bot", "wechat-menu.json")), configuration, output, error, default);
        Assert.Equal(1, exit);
        Assert.Contains("WeChat:AppSecret", error.ToString()); // on standard error, where a script looks for it
        Assert.Empty(output.ToString());
        Assert.Empty(_api.Calls);
    }

    private static IEnumerable<string> JsonKeys(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                if (p.Name == "key") yield return p.Value.GetString()!;
                foreach (var k in JsonKeys(p.Value)) yield return k;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray()) foreach (var k in JsonKeys(item)) yield return k;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChatAssistant.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
