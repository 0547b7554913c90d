using Npgsql;

namespace ChatAssistant.Storage;

/// <summary>
/// What the records' stores raise when the records cannot be reached, on either provider: the one place that knows
/// LiteDB's and PostgreSQL's exception types, for the turn's error handler and the background jobs.
/// </summary>
public static class RecordsFailures
{
    /// <summary>
    /// The records database is down or too slow right now (PostgreSQL unreachable, a broken connection, a timeout): an
    /// outage, not a bug — a turn keeps the conversation as it was and the user is asked to try again.
    /// </summary>
    public static bool IsOutage(Exception exception) =>
        exception is RecordsDatabaseUnavailableException or NpgsqlException { IsTransient: true };

    /// <summary>Any failure of the records' stores (an outage, a LiteDB or PostgreSQL error, the file's I/O): what a background job logs and retries later.</summary>
    public static bool IsRecordsError(Exception exception) =>
        IsOutage(exception) || exception is LiteDB.LiteException or NpgsqlException or IOException;
}
