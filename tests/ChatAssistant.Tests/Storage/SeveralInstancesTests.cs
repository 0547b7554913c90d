using System.Net.ServerSentEvents;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Escalation;
using ChatAssistant.Guide;
using ChatAssistant.Hosting;
using ChatAssistant.Knowledge;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Knowledge;
using ChatAssistant.Tests.Support;
using TempDirectory = ChatAssistant.Tests.Support.TempDirectory;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatAssistant.Tests.Storage;

/// <summary>
/// What one instance does reaches the others through the Redis they share: console events, the key ring that seals
/// cookies, guide reloads. Each "instance" is its own service provider with its own Redis connection.
/// </summary>
public sealed class SeveralInstancesTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [SkippableFact]
    public async Task AConsoleEventPublishedOnOneInstance_ReachesTheStreamsOfAnother_Once()
    {
        redis.Require();
        var prefix = RedisServer.UniquePrefix();
        await using var a = Instance(prefix, s => s.AddSingleton<EscalationEvents>());
        await using var b = Instance(prefix, s => s.AddSingleton<EscalationEvents>());
        var onA = a.GetRequiredService<EscalationEvents>();
        var onB = b.GetRequiredService<EscalationEvents>();

        using var stop = new CancellationTokenSource(Patience * 2);
        var seenOnA = new List<SseItem<string>>();
        var seenOnB = new List<SseItem<string>>();
        var readingA = Collect(onA, seenOnA, stop.Token);
        var readingB = Collect(onB, seenOnB, stop.Token);
        await WaitForSubscribers(prefix, "console", 2);

        onA.Publish(new EscalationChange("esc-1", "婺城区", "opened"));

        Assert.True(SpinWait.SpinUntil(() => Count(seenOnB) == 1, Patience), "instance B's console did not get the change");
        var item = Single(seenOnB);
        Assert.Equal(EscalationChange.Escalation, item.EventType);
        Assert.Contains("esc-1", item.Data);
        // The publishing instance shows it once, from its own fan-out, not a second time back from Redis.
        await Task.Delay(500);
        Assert.Equal(1, Count(seenOnA));
        Assert.Equal(1, Count(seenOnB));
        await stop.CancelAsync();
        await Task.WhenAll(readingA, readingB);
    }

    [SkippableFact]
    public async Task ACookieSealedOnOneInstance_OpensOnAnother_WhenTheyShareRedis()
    {
        redis.Require();
        var prefix = RedisServer.UniquePrefix();
        using var dataA = new TempDirectory();
        using var dataB = new TempDirectory();
        await using var a = Instance(prefix, s => s.AddSharedKeyRing(), dataA.Path);
        await using var b = Instance(prefix, s => s.AddSharedKeyRing(), dataB.Path);

        var sealedOnA = a.GetRequiredService<IDataProtectionProvider>().CreateProtector("staff-cookie").Protect("member-7");

        Assert.Equal("member-7", b.GetRequiredService<IDataProtectionProvider>().CreateProtector("staff-cookie").Unprotect(sealedOnA));
    }

    [Fact]
    public async Task WithoutRedis_TheKeyRingIsInTheDataFolder_SoACookieSurvivesARestart_ButNotAnotherFolder()
    {
        using var data = new TempDirectory();
        using var other = new TempDirectory();
        string sealedBefore;
        await using (var before = Instance(null, s => s.AddSharedKeyRing(), data.Path))
            sealedBefore = before.GetRequiredService<IDataProtectionProvider>().CreateProtector("staff-cookie").Protect("member-7");

        await using var after = Instance(null, s => s.AddSharedKeyRing(), data.Path);
        Assert.Equal("member-7", after.GetRequiredService<IDataProtectionProvider>().CreateProtector("staff-cookie").Unprotect(sealedBefore));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(data.Path, "keys"), "*.xml"));

        await using var elsewhere = Instance(null, s => s.AddSharedKeyRing(), other.Path);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            elsewhere.GetRequiredService<IDataProtectionProvider>().CreateProtector("staff-cookie").Unprotect(sealedBefore));
    }

    [SkippableFact]
    public async Task AGuideReloadOnOneInstance_ReloadsTheOthers()
    {
        redis.Require();
        var prefix = RedisServer.UniquePrefix();
        using var content = GuideFiles.CopyOfGuide();
        await using var a = Instance(prefix, s => s.AddSingleton(_ => new GuideLibrary(KnowledgeBase.Load(content.Path), new Dictionary<string, KnowledgeBase>())));
        await using var b = Instance(prefix, s => s.AddSingleton(_ => new GuideLibrary(KnowledgeBase.Load(content.Path), new Dictionary<string, KnowledgeBase>())).AddHostedService<GuideReloadSignal>());
        foreach (var hosted in b.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        var guideA = a.GetRequiredService<GuideLibrary>();
        var guideB = b.GetRequiredService<GuideLibrary>().Shared;
        var before = guideB.Entries.Count;
        await WaitForSubscribers(prefix, GuideReloadSignal.Topic, 1);

        content.Write("extra.yaml", """
            entries:
              - id: blood-donation
                title: 无偿献血志愿活动
                questions: [献血志愿者怎么报名, 无偿献血活动, 献血车在哪, 献血能算志愿时长吗, 献血点志愿服务]
                answer: 献血志愿活动在志愿汇发布，报名后按时到献血点。
                tags: [献血]
                source: 待工作人员确认
            """);
        Assert.True(GuideReloadSignal.ReloadEverywhere(guideA, a.GetRequiredService<IClusterSignals>()).Succeeded);

        Assert.True(SpinWait.SpinUntil(() => guideB.Entries.Count == before + 1, Patience), "the other instance did not reload");
        Assert.Equal("blood-donation", Assert.IsType<GuideResult.Answer>(guideB.Ask("献血志愿者怎么报名")).Entry.Id);
    }

    private ServiceProvider Instance(string? prefix, Action<IServiceCollection> more, string? dataDirectory = null)
    {
        var settings = new Dictionary<string, string?>();
        if (prefix is not null) (settings["Redis:Configuration"], settings["Redis:KeyPrefix"]) = (redis.ConnectionString, prefix);
        var services = new ServiceCollection().AddLogging();
        services.Configure<StorageOptions>(o => o.DataDirectory = dataDirectory ?? Path.GetTempPath());
        services.AddSessionStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        more(services);
        return services.BuildServiceProvider();
    }

    private static async Task Collect(EscalationEvents events, List<SseItem<string>> seen, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in events.StreamAsync(_ => true, () => true, cancellationToken))
                if (item.EventType is not ("ready" or "ping"))
                    lock (seen) seen.Add(item);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static int Count(List<SseItem<string>> seen)
    {
        lock (seen) return seen.Count;
    }

    private static SseItem<string> Single(List<SseItem<string>> seen)
    {
        lock (seen) return Assert.Single(seen);
    }

    // Pub/sub delivers to those subscribed when a message is sent: wait until the instances' subscriptions are on the server.
    private async Task WaitForSubscribers(string prefix, string topic, int count)
    {
        using var probe = redis.Connect();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var result = (StackExchange.Redis.RedisResult[]?)await probe.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", prefix + "signal:" + topic) ?? [];
            if (result.Length == 2 && (long)result[1] >= count) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{count} subscriptions to {topic} not made");
    }
}
