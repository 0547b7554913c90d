using System.Collections.Concurrent;
using System.Globalization;
using ChatAssistant.Conversation.Time;

namespace ChatAssistant.Operations;

/// <summary>
/// The per-day history the dashboard needs and metrics do not keep: messages and answer kinds by Beijing day and
/// county, counted in memory on the chat path (no write per message) and added to the stored tallies
/// (<see cref="IDailyCountStore"/>, <c>daily_counts</c>) by
/// <see cref="Flush"/> — once a minute (<see cref="DailyTallyFlushService"/>), at shutdown and before the dashboard
/// reads. A crash loses at most the last minute's counts.
/// </summary>
public sealed class DailyTally
{
    /// <summary>The kind under which every message (and menu tap) is counted.</summary>
    public const string Messages = "message";

    private readonly IDailyCountStore _store;
    private readonly AssistantClock _clock;
    private readonly object _flushing = new();
    private ConcurrentDictionary<(DateOnly Day, string County, string Kind, string Topic), long> _pending = new();

    public DailyTally(IDailyCountStore store, AssistantClock clock)
    {
        _store = store;
        _clock = clock;
    }

    /// <summary>Counts one <paramref name="kind"/> today in <paramref name="county"/>.</summary>
    public void Count(string kind, string? county, string? topic = null)
    {
        var key = (_clock.Today, county ?? "", kind, topic ?? "");
        _pending.AddOrUpdate(key, 1, static (_, n) => n + 1);
    }

    /// <summary>Adds what was counted since the last flush to the stored tallies.</summary>
    public void Flush()
    {
        lock (_flushing)
        {
            var taken = Interlocked.Exchange(ref _pending, new());
            if (taken.IsEmpty) return;
            try
            {
                _store.Add(taken.Select(p => new DailyCount
                {
                    Id = string.Join('|', Day(p.Key.Day), p.Key.County, p.Key.Kind, p.Key.Topic),
                    Day = Day(p.Key.Day), County = p.Key.County, Kind = p.Key.Kind, Topic = p.Key.Topic, Count = p.Value,
                }).ToList());
            }
            catch
            {
                // Rolled back: the counts go back to be added at the next flush.
                foreach (var (key, n) in taken) _pending.AddOrUpdate(key, n, (_, m) => m + n);
                throw;
            }
        }
    }

    /// <summary>The stored tallies of the days <paramref name="from"/>–<paramref name="to"/> (flushed first).</summary>
    public IReadOnlyList<DailyCount> Between(DateOnly from, DateOnly to)
    {
        Flush();
        return _store.Between(Day(from), Day(to));
    }

    /// <summary>A day as stored: <c>yyyy-MM-dd</c>.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
