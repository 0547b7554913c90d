namespace ChatAssistant.Security;

/// <summary>
/// A feature's part of the one-time re-encryption (<see cref="FieldRebindingMigration"/>): finds its values of the
/// earlier format and saves them re-encrypted for their record through <see cref="LegacyFieldRebinder"/>.
/// It must be safe to run again after an interruption: values already re-encrypted are left alone, and each
/// record is saved whole or not at all.
/// </summary>
public interface IFieldRebinding
{
    /// <summary>The records it covers (the collection name); recorded once it has completed.</summary>
    string Name { get; }

    void Run(LegacyFieldRebinder rebinder, CancellationToken cancellationToken);
}
