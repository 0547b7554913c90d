namespace ChatAssistant.Security;

/// <summary>
/// The embedded default's secrets (the field key, the binding-code secret) when no setting gives one: base64 of random
/// bytes generated once into a file of the data folder (owner-only), read back at later starts. Deployments with a
/// WeChat account must configure them instead; the callers decide that.
/// </summary>
public static class GeneratedKeyFile
{
    /// <summary>Decodes base64 of at least <paramref name="minBytes"/> bytes (exactly that many when <paramref name="exact"/>).</summary>
    public static bool TryDecode(string? value, int minBytes, bool exact, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(value)) return false;
        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        return exact ? key.Length == minBytes : key.Length >= minBytes;
    }

    /// <summary>The key in <paramref name="path"/>, or a new one of <paramref name="bytes"/> written there; says which.</summary>
    public static (byte[] Key, bool Created) ReadOrCreate(string path, int bytes, bool exact)
    {
        if (File.Exists(path) && TryDecode(File.ReadAllText(path), bytes, exact, out var existing)) return (existing, false);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(bytes);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return (key, true);
    }
}
