using Microsoft.Bot.Builder;

namespace ChatAssistant.Tests.Storage;

/// <summary>A plain object: stored without ETag checks.</summary>
public sealed class PocoItem
{
    public string? Id { get; set; }
    public int Count { get; set; }
    public DateTime When { get; set; }
    public DateTimeOffset WhenOffset { get; set; }
    public decimal Amount { get; set; }
    public string? DateLikeText { get; set; }
    public Dictionary<string, object>? Bag { get; set; }
    public List<PocoItem>? Children { get; set; }
}

/// <summary>An <see cref="IStoreItem"/>: its ETag guards concurrent writes.</summary>
public sealed class PocoStoreItem : IStoreItem
{
    public string? Id { get; set; }
    public int Count { get; set; }
    public string? ETag { get; set; }
}
