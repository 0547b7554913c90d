using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.Operations.Postgres;

/// <summary>
/// The daily tallies in PostgreSQL (<c>daily_counts</c>, migration 0008): each instance adds its counts with
/// <c>INSERT … ON CONFLICT DO UPDATE SET count = count + …</c>, so instances flushing at once never lose one another's.
/// </summary>
public sealed class PostgresDailyCountStore(PostgresRecords records) : IDailyCountStore
{
    private const string Columns = "id AS Id, day AS Day, county AS County, kind AS Kind, topic AS Topic, count AS Count";

    private const string Insert = "INSERT INTO daily_counts (id, day, county, kind, topic, count) VALUES (@Id, @Day, @County, @Kind, @Topic, @Count)";

    /// <summary>How <c>records copy</c> moves the tallies.</summary>
    public static RecordsTableCopy<DailyCount> Copy() => new(
        "daily_counts", Insert, c => c,
        (c, t) => c.Query<DailyCount>($"SELECT {Columns} FROM daily_counts ORDER BY id", transaction: t),
        identity: false);

    public void Add(IReadOnlyCollection<DailyCount> counts) => records.InTransaction((c, t) =>
        c.Execute(Insert + " ON CONFLICT (id) DO UPDATE SET count = daily_counts.count + EXCLUDED.count", counts, t));

    public IReadOnlyList<DailyCount> Between(string low, string high) => records.Use((c, t) =>
        c.Query<DailyCount>($"SELECT {Columns} FROM daily_counts WHERE day >= @low AND day <= @high", new { low, high }, t).AsList());
}
