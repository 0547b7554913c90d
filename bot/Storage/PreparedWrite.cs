namespace ChatAssistant.Storage;

/// <summary>One entry of a write batch, serialised: <see cref="Json"/> null means remove the key.</summary>
internal sealed record PreparedWrite(string Key, string? Json, bool CheckETag, string? ExpectedETag, string? NewETag);
