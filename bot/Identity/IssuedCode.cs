namespace ChatAssistant.Identity;

/// <summary>A code as issued to staff (shown once).</summary>
public sealed record IssuedCode(string Code, DateTimeOffset ExpiresAt);
