namespace ChatAssistant.Operations;

/// <summary>
/// The stored daily tallies (LiteDB: <see cref="LiteDb.LiteDailyCountStore"/>; PostgreSQL:
/// <see cref="Postgres.PostgresDailyCountStore"/>). Counts are added, never set, so every instance adds its own and
/// the dashboard reads the sum.
/// </summary>
public interface IDailyCountStore
{
    /// <summary>Adds each count (<see cref="DailyCount.Count"/> is the increment) to its stored tally, in one transaction.</summary>
    void Add(IReadOnlyCollection<DailyCount> counts);

    /// <summary>The stored tallies of the days <paramref name="low"/>–<paramref name="high"/> (<c>yyyy-MM-dd</c>, inclusive).</summary>
    IReadOnlyList<DailyCount> Between(string low, string high);
}
