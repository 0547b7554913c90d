using ChatAssistant.Storage;
using LiteDB;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Tests.Storage;

/// <summary>The contract suite on the embedded <see cref="LiteDbStorage"/> over a temp file.</summary>
public sealed class LiteDbStorageContractTests : StorageContractTests, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sessions-{Guid.NewGuid():N}.db");
    private LiteDatabase? _db;

    protected override IStorage CreateStorage()
    {
        _db = new LiteDatabase($"Filename={_file};Connection=Direct");
        return new LiteDbStorage(_db, TimeSpan.FromMinutes(30), TimeProvider.System);
    }

    public void Dispose()
    {
        _db?.Dispose();
        File.Delete(_file);
        File.Delete(Path.ChangeExtension(_file, null) + "-log.db");
    }
}
