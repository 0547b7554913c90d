namespace ChatAssistant.Storage;

/// <summary>Settings of the "Records" section: which database holds the records (docs/RECORDS.md).</summary>
public sealed class RecordsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Records";

    /// <summary>The embedded default: one LiteDB file owned by one process.</summary>
    public const string LiteDb = "litedb";

    /// <summary>A PostgreSQL server several instances share.</summary>
    public const string Postgres = "postgres";

    /// <summary><c>litedb</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = LiteDb;

    /// <summary>
    /// Npgsql connection string (e.g. <c>Host=db1;Database=assistant;Username=assistant;Password=…</c>); required for
    /// <c>postgres</c>, unused for <c>litedb</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>True when the records are on PostgreSQL.</summary>
    public bool UsesPostgres => string.Equals(Provider?.Trim(), Postgres, StringComparison.OrdinalIgnoreCase);
}
