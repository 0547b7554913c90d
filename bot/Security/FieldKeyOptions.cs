namespace ChatAssistant.Security;

/// <summary>
/// The field key setting, <c>Disputes:EncryptionKey</c>: base64 of 32 random bytes. The name stays in the
/// Disputes section, where operators already set it, though hand-off transcripts use the key too.
/// </summary>
public sealed class FieldKeyOptions
{
    /// <summary>The configuration section the key is read from.</summary>
    public const string Section = "Disputes";

    /// <summary>The full name of the setting, for messages.</summary>
    public const string Setting = Section + ":EncryptionKey";

    public string? EncryptionKey { get; set; }
}
