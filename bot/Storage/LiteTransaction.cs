using LiteDB;

namespace ChatAssistant.Storage;

/// <summary>
/// Runs the records of one action (a roster import, an escalation opened with its first transcript lines) as one
/// LiteDB transaction: all are saved or none, and the log gets one commit of the pages they share instead of a
/// commit per record. LiteDB keeps a transaction per thread, so the work must be synchronous (never an await
/// inside); a transaction already open on this thread is joined, and its owner commits.
/// </summary>
public static class LiteTransaction
{
    public static T Run<T>(ILiteDatabase db, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        using var span = ChatAssistant.Adapters.Telemetry.AssistantTelemetry.Records("transaction", "");
        var own = db.BeginTrans(); // false when this thread already has one open
        try
        {
            var result = work();
            if (own) db.Commit();
            return result;
        }
        catch
        {
            if (own) db.Rollback();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> as one transaction while holding <paramref name="gate"/>: a store's changes that read
    /// before they write take turns (one process owns the file, so a lock of this process is all it takes). The gate is
    /// taken first, then the transaction, in every caller, so two of them cannot deadlock.
    /// </summary>
    public static T Exclusively<T>(ILiteDatabase db, Lock gate, Func<T> work)
    {
        lock (gate) return Run(db, work);
    }

    public static void Run(ILiteDatabase db, Action work) => Run(db, () =>
    {
        work();
        return true;
    });
}
