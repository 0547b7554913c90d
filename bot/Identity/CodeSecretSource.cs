using ChatAssistant.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Identity;

/// <summary>
/// Where the code secret comes from: <c>Identity:CodeSecret</c>, or — only without a WeChat account, the embedded
/// default — a key file generated once in <c>Storage:DataDirectory</c>, beside (never inside) the records file.
/// </summary>
public static class CodeSecretSource
{
    public const string KeyFileName = "identity-code.key";

    /// <summary>Decodes a secret: base64 of at least 32 bytes.</summary>
    public static bool TryDecode(string? value, out byte[] key) => Security.GeneratedKeyFile.TryDecode(value, 32, exact: false, out key);

    /// <summary>The secret to use (options are validated before this runs).</summary>
    public static byte[] Load(IOptions<CodeSecretOptions> options, IOptions<StorageOptions> storage, ILogger logger)
    {
        if (TryDecode(options.Value.CodeSecret, out var key)) return key;

        var path = Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), KeyFileName);
        (key, var created) = Security.GeneratedKeyFile.ReadOrCreate(path, 32, exact: false);
        if (created) logger.LogWarning("Identity:CodeSecret is not set; generated a binding-code secret in {KeyFile}. Losing that file makes the codes issued so far unusable. Set Identity:CodeSecret before connecting a WeChat account.", path);
        else logger.LogWarning("Identity:CodeSecret is not set; binding codes use the generated secret in {KeyFile}. Set Identity:CodeSecret before connecting a WeChat account.", path);
        return key;
    }
}
