using ChatAssistant.Security;
using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Escalation;

/// <summary>
/// Hand-off transcripts' part of the one-time re-encryption: line texts written by the earlier format are encrypted
/// again bound to their line and escalation (<see cref="EscalationStore.EntryBinding"/>), in batches of one
/// transaction each.
/// </summary>
public sealed class EscalationEntryRebinding(ILiteDatabase db) : IFieldRebinding
{
    private const int BatchSize = 500;

    public string Name => LiteDb.LiteEscalationRecords.EntriesCollection;

    public void Run(LegacyFieldRebinder rebinder, CancellationToken cancellationToken)
    {
        var entries = LiteDb.LiteEscalationRecords.Entries(db);
        var due = entries.All().Where(e => FieldCipher.IsLegacy(e.Text)).Select(e => e.Id).ToList();
        foreach (var batch in due.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            LiteTransaction.Run(db, () =>
            {
                foreach (var id in batch)
                {
                    var entry = entries.Get(id)!;
                    entry.Text = rebinder.Rebind(entry.Text, EscalationStore.EntryField, EscalationStore.EntryBinding(entry))!;
                    entries.Update(entry);
                }
            });
        }
    }
}
