namespace ChatAssistant.Storage.Postgres;

/// <summary>Instants that stand for "any time" in queries: DateTimeOffset's extremes do not fit a timestamptz.</summary>
public static class PostgresLimits
{
    public static readonly DateTimeOffset Earliest = new(1, 1, 2, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(9999, 12, 30, 0, 0, 0, TimeSpan.Zero);

    /// <summary><paramref name="instant"/>, or the nearest instant a timestamptz holds.</summary>
    public static DateTimeOffset Clamp(DateTimeOffset instant) => instant < Earliest ? Earliest : instant > Latest ? Latest : instant;
}
