using ChatAssistant.Adapters.WeChat;

namespace ChatAssistant.Hosting.WeChat;

/// <summary>
/// The records of undelivered WeChat messages (LiteDB: <see cref="LiteDbUndeliveredStore"/>; PostgreSQL:
/// <see cref="Postgres.PostgresUndeliveredStore"/>): what the messenger records, and the retention sweep's side.
/// </summary>
public interface IUndeliveredRecords : IUndeliveredMessageStore
{
    /// <summary>Deletes every message recorded before <paramref name="cutoff"/>, resolved or not; returns how many.</summary>
    int DeleteRecordedBefore(DateTimeOffset cutoff);

    /// <summary>Seals the text of rows an earlier version wrote in clear; returns how many (none outside LiteDB).</summary>
    int SealLegacyRows();
}
