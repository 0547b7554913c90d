using ChatAssistant.Adapters.Coordination;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Storage;

/// <summary>A session store whose reads can join a request's <see cref="StoreBatch"/> (Redis: the turn's state read travels with a WeChat message's claim).</summary>
public interface IBatchingStorage : IStorage
{
    /// <summary><see cref="IStorage.ReadAsync"/>, issued into <paramref name="batch"/> when this store can join it.</summary>
    Task<IDictionary<string, object>> ReadAsync(string[] keys, StoreBatch? batch, CancellationToken cancellationToken = default);
}
