namespace ChatAssistant.Tests.Support;

/// <summary>
/// The base of a store's contract suite: the tests are written once against <typeparamref name="TStore"/>, and one
/// sealed subclass per provider (LiteDB, PostgreSQL) says how to open it.
/// </summary>
public abstract class StoreContract<TStore> : OwnsDisposables
{
    /// <summary>A store over new, empty records.</summary>
    protected abstract TStore Store();

    /// <summary>A second store on the same records, as another instance would have (LiteDB: one process owns the file, so the same).</summary>
    protected abstract TStore SameRecords(TStore store);
}
