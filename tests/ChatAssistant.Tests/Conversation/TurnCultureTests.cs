using System.Globalization;
using ChatAssistant.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Conversation;

/// <summary>Every turn runs in one shared culture per locale, not a fresh CultureInfo (which rebuilt its number formats each turn).</summary>
public sealed class TurnCultureTests : IAsyncLifetime
{
    private readonly CultureProbe _probe = new();
    private BotHarness _bot = null!;

    public Task InitializeAsync()
    {
        _bot = BotHarness.Create(services => services.AddSingleton<Microsoft.Bot.Builder.IMiddleware>(_probe));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Turns_with_the_same_locale_share_one_read_only_culture()
    {
        var adapter = _bot.Adapter();
        foreach (var text in new[] { "你好", "菜单" })
        {
            var activity = adapter.MakeActivity(text);
            activity.Locale = "zh-CN";
            await adapter.ProcessActivityAsync(activity, _bot.Get<IBot>().OnTurnAsync, CancellationToken.None);
        }

        Assert.Equal(2, _probe.Seen.Count);
        Assert.All(_probe.Seen, c => Assert.Equal("zh-CN", c.Name));
        Assert.Same(_probe.Seen[0], _probe.Seen[1]);
        Assert.True(_probe.Seen[0].IsReadOnly);
    }

    [Fact]
    public async Task A_locale_that_is_no_culture_changes_nothing()
    {
        var adapter = _bot.Adapter();
        var activity = adapter.MakeActivity("你好");
        activity.Locale = "not a culture!";
        await adapter.ProcessActivityAsync(activity, _bot.Get<IBot>().OnTurnAsync, CancellationToken.None);
        Assert.Single(_probe.Seen);
        Assert.Contains(adapter.ActiveQueue, a => a.Text?.Contains("欢迎", StringComparison.Ordinal) == true);
    }

    private sealed class CultureProbe : Microsoft.Bot.Builder.IMiddleware
    {
        public List<CultureInfo> Seen { get; } = [];

        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Type == "message") Seen.Add(CultureInfo.CurrentCulture);
            return next(cancellationToken);
        }
    }
}
