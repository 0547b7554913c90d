using System.Buffers.Binary;
using System.Data;
using System.Security.Cryptography;
using System.Text;
using ChatAssistant.Storage;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatAssistant.Storage.Postgres;

/// <summary>
/// The records database on PostgreSQL (<c>Records:Provider=postgres</c>): one <see cref="NpgsqlDataSource"/> (its
/// connection pool) for every store of the process, opened once its schema is current (<see cref="RecordsSchema"/>).
/// Stores run plain SQL through Dapper on a connection each call takes from the pool.
/// </summary>
public sealed class PostgresRecords : IDisposable
{
    static PostgresRecords()
    {
        // Records keep instants as DateTimeOffset; timestamptz takes only UTC ones, and reads back as a UTC DateTime.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new UtcInstantHandler());
    }

    private PostgresRecords(NpgsqlDataSource dataSource) => DataSource = dataSource;

    /// <summary>The pool every store takes its connections from.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>
    /// Connects to <paramref name="connectionString"/> and brings the schema up to this version (under an advisory
    /// lock, so instances starting together migrate once). Throws <see cref="RecordsDatabaseUnavailableException"/>
    /// naming the setting when the server cannot be reached or its schema is newer than the code.
    /// </summary>
    public static PostgresRecords Open(string connectionString, ILogger log)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            RecordsSchema.Migrate(dataSource, log);
            return new PostgresRecords(dataSource);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>An open connection from the pool; dispose it to give it back.</summary>
    public NpgsqlConnection Connect()
    {
        try
        {
            return DataSource.OpenConnection();
        }
        catch (NpgsqlException e)
        {
            throw new RecordsDatabaseUnavailableException(RecordsSchema.Unreachable(DataSource, e), e);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a connection from the pool — or, inside <see cref="InTransaction{T}"/> on this
    /// thread, on that transaction's connection and in it (the transaction is passed; null otherwise).
    /// </summary>
    public T Use<T>(Func<NpgsqlConnection, NpgsqlTransaction?, T> work)
    {
        if (_ambient is { } ambient && ambient.Owner == this) return work(ambient.Connection, ambient.Transaction);
        using var connection = Connect();
        return work(connection, null);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed when it returns and rolled back when it throws: the
    /// PostgreSQL counterpart of <see cref="LiteTransaction.Run{T}"/> for the records of one action. Every store call on
    /// this thread meanwhile (<see cref="Use{T}"/>) joins it; a nested call joins the outer transaction. Synchronous, like
    /// the stores: the transaction belongs to the thread.
    /// </summary>
    public T InTransaction<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> work)
    {
        if (_ambient is { } outer && outer.Owner == this) return work(outer.Connection, outer.Transaction);
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        _ambient = new Ambient(this, connection, transaction);
        try
        {
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _ambient = null;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction (<see cref="InTransaction{T}"/>) holding the transaction-scoped
    /// advisory lock <paramref name="key"/>: calls with the same key take turns on every instance; the lock goes with
    /// the commit or the rollback.
    /// </summary>
    public T Exclusively<T>(long key, Func<T> work) => InTransaction((c, t) =>
    {
        c.Execute("SELECT pg_advisory_xact_lock(@key)", new { key }, t);
        return work();
    });

    /// <summary>
    /// The same with a two-key lock: <paramref name="space"/> names what is locked (a store's changes), and
    /// <paramref name="name"/> which one ("volunteer:V001", a delegate's id).
    /// </summary>
    public T Exclusively<T>(int space, string name, Func<T> work) => InTransaction((c, t) =>
    {
        // A hash stable across processes (string.GetHashCode is not): the first four bytes of the name's SHA-256.
        var key = BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        c.Execute("SELECT pg_advisory_xact_lock(@space, @key)", new { space, key }, t);
        return work();
    });

    [ThreadStatic]
    private static Ambient? _ambient;

    private sealed record Ambient(PostgresRecords Owner, NpgsqlConnection Connection, NpgsqlTransaction Transaction);

    public void Dispose() => DataSource.Dispose();

    private sealed class UtcInstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.Value = value.ToUniversalTime();
            if (parameter is NpgsqlParameter npgsql) npgsql.NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz;
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset instant => instant,
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as an instant."),
        };
    }
}
