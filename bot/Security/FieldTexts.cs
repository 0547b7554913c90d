namespace ChatAssistant.Security;

/// <summary>What staff see in place of an encrypted text that cannot be read.</summary>
public static class FieldTexts
{
    /// <summary>Shown instead of a value that does not decrypt for its record (copied from another, tampered, another key).</summary>
    public const string Unreadable = "【此内容无法读取：它已被改动，或不属于这条记录】";
}
