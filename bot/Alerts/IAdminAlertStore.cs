namespace ChatAssistant.Alerts;

/// <summary>The stored admin alerts (LiteDB: <see cref="LiteDb.LiteAdminAlertStore"/>; PostgreSQL: <see cref="Postgres.PostgresAdminAlertStore"/>).</summary>
public interface IAdminAlertStore
{
    /// <summary>Stores an alert and gives it its id (24 hex digits).</summary>
    void Add(AdminAlert alert);

    /// <summary>Deletes alerts raised before <paramref name="cutoff"/>; returns how many.</summary>
    int DeleteBefore(DateTimeOffset cutoff);

    /// <summary>The newest alerts first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<AdminAlert> Recent(int limit);

    /// <summary>Whether an alert of <paramref name="kind"/> was raised at or after <paramref name="since"/> (by any instance).</summary>
    bool RaisedSince(string kind, DateTimeOffset since);
}
