using Microsoft.Bot.Builder;

namespace ChatAssistant.Tests.Storage;

/// <summary>The reference: the contract suite must hold for Bot.Builder's own MemoryStorage.</summary>
public sealed class MemoryStorageContractTests : StorageContractTests
{
    protected override IStorage CreateStorage() => new MemoryStorage();
}
