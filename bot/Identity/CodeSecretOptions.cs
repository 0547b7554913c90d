namespace ChatAssistant.Identity;

/// <summary><c>Identity:CodeSecret</c>: the HMAC key binding codes are stored under (base64 of at least 32 random bytes).</summary>
public sealed class CodeSecretOptions
{
    public string? CodeSecret { get; set; }
}
