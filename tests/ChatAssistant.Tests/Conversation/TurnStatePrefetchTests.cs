using System.Collections.Concurrent;
using ChatAssistant.Conversation;
using ChatAssistant.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Conversation;

/// <summary>The conversation's and the user's state are read in one storage call per turn, and still persist.</summary>
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
    public async Task Each_turn_reads_both_states_in_one_call_and_what_it_wrote_is_read_back_next_turn()
    {
        var first = await _bot.SayAsync("你好");
        Assert.Contains(first, r => r.Contains("欢迎", StringComparison.Ordinal));
        var second = await _bot.SayAsync("菜单");
        Assert.DoesNotContain(second, r => r.Contains("欢迎来到", StringComparison.Ordinal)); // the profile was saved and read back

        Assert.Equal(2, _store.Reads.Count);
        foreach (var keys in _store.Reads)
        {
            Assert.Equal(2, keys.Length);
            Assert.Contains(keys, k => k.Contains("/conversations/", StringComparison.Ordinal));
            Assert.Contains(keys, k => k.Contains("/users/", StringComparison.Ordinal));
        }
        Assert.NotEmpty(_store.Writes);
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
