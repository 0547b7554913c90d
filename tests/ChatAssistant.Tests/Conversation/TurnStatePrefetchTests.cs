using System.Collections.Concurrent;
using ChatAssistant.Conversation;
using ChatAssistant.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Conversation;

/// <summary>A turn reads the conversation's state in one storage call; the user's only when the greeting is unknown.</summary>
public sealed class TurnStatePrefetchTests : IAsyncLifetime
{
    private readonly CountingStorage _store = new(new MemoryStorage());
    private BotHarness _bot = null!;

    public Task InitializeAsync()
    {
        _bot = BotHarness.Create(services => services.AddSingleton<IStorage>(_store));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_turn_reads_the_conversation_in_one_call_and_the_user_only_for_the_first_greeting()
    {
        var first = await _bot.SayAsync("你好");
        Assert.Contains(first, r => r.Contains("欢迎", StringComparison.Ordinal));
        var second = await _bot.SayAsync("菜单");
        Assert.DoesNotContain(second, r => r.Contains("欢迎来到", StringComparison.Ordinal)); // the greeting was saved and read back

        // First turn: the conversation (read ahead), then the user's profile (a new user). Second turn: the conversation only.
        Assert.Equal(3, _store.Reads.Count);
        Assert.All(_store.Reads, keys => Assert.Single(keys));
        Assert.Contains("/conversations/", _store.Reads[0][0]);
        Assert.Contains("/users/", _store.Reads[1][0]);
        Assert.Contains("/conversations/", _store.Reads[2][0]);
        Assert.NotEmpty(_store.Writes);
    }

    [Fact]
    public async Task A_cleared_conversation_does_not_greet_the_user_again()
    {
        await _bot.SayAsync("你好");
        var conversationKey = _store.Reads[0][0];
        await _store.DeleteAsync([conversationKey]); // as the turn-error handler does
        var reply = await _bot.SayAsync("菜单");
        Assert.DoesNotContain(reply, r => r.Contains("欢迎来到", StringComparison.Ordinal));
        Assert.Contains(_store.Reads.Skip(2), keys => keys[0].Contains("/users/", StringComparison.Ordinal)); // the profile said so
    }

    [Fact]
    public async Task Outside_a_turn_reads_go_to_the_store()
    {
        await _bot.SayAsync("你好");
        var before = _store.Reads.Count;
        var key = _store.Reads[0][0];
        var items = await _bot.Get<TurnStateStorage>().ReadAsync([key]);
        Assert.Equal(before + 1, _store.Reads.Count);
        Assert.True(items.ContainsKey(key));
    }

    private sealed class CountingStorage(IStorage inner) : IStorage
    {
        public ConcurrentQueue<string[]> ReadLog { get; } = new();
        public List<string[]> Reads => [.. ReadLog];
        public ConcurrentQueue<string[]> Writes { get; } = new();

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            ReadLog.Enqueue(keys);
            return inner.ReadAsync(keys, cancellationToken);
        }

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Writes.Enqueue([.. changes.Keys]);
            return inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}
