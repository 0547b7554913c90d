using LiteDB;

namespace ChatAssistant.Security;

/// <summary>
/// The one-time re-encryption of the earlier format's values (bound to their field alone) for their record, run at
/// start-up before the server takes requests. Each feature's part (<see cref="IFieldRebinding"/>) is recorded in
/// <c>migrations</c> when it has completed and is skipped from then on. Interrupted (a crash, a stop), it runs
/// again at the next start and re-encrypts what is left; a part with values the key cannot decrypt is not recorded,
/// so it is tried again once the right key is configured.
/// </summary>
public sealed class FieldRebindingMigration(
    ILiteDatabase db, FieldCipher cipher, IEnumerable<IFieldRebinding> parts, TimeProvider time, ILogger<FieldRebindingMigration> log)
    : IHostedService
{
    public const string Collection = "migrations";

    /// <summary>The <see cref="CompletedMigration.Id"/> of a part.</summary>
    public static string IdOf(string part) => "field-binding:" + part;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Run(cancellationToken);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs the parts not yet recorded as completed.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        var completed = db.GetCollection<CompletedMigration>(Collection);
        foreach (var part in parts)
        {
            var id = IdOf(part.Name);
            if (completed.FindById(id) is not null) continue;
            var rebinder = new LegacyFieldRebinder(cipher);
            part.Run(rebinder, cancellationToken);
            if (rebinder.Failed > 0)
            {
                log.LogError("{Failed} encrypted values in {Records} do not decrypt with the configured key; they were left as they were (staff see them as unreadable) and the re-encryption runs again at the next start. {Rebound} others were re-encrypted.",
                    rebinder.Failed, part.Name, rebinder.Rebound);
                continue;
            }
            completed.Upsert(new CompletedMigration { Id = id, CompletedAt = time.GetUtcNow(), Changed = rebinder.Rebound });
            log.LogInformation("Re-encrypted {Rebound} values in {Records} bound to their record (once)", rebinder.Rebound, part.Name);
        }
    }
}
