using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Identity;

/// <summary><c>Identity:CodeSecret</c>: the HMAC key binding codes are stored under (base64 of at least 32 random bytes).</summary>
public sealed class CodeSecretOptions
{
    public string? CodeSecret { get; set; }
}

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

/// <summary>
/// The secret is required once a WeChat account is configured (<c>WeChat:Token</c>): real people bind then, and a
/// copy of the data folder must not give away live codes. Without one, a generated key file is acceptable.
/// </summary>
internal sealed class CodeSecretOptionsValidator(IOptions<WeChatOptions> wechat) : IValidateOptions<CodeSecretOptions>
{
    private const string Setting = $"{IdentityOptions.Section}:CodeSecret";

    public ValidateOptionsResult Validate(string? name, CodeSecretOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CodeSecret))
            return wechat.Value.AnyAccount
                ? ValidateOptionsResult.Fail($"Setting '{Setting}' is missing; it is required when a WeChat account is configured (WeChat:Token or WeChat:Accounts). Give base64 of 32 random bytes (e.g. `openssl rand -base64 32`), kept outside the data folder.")
                : ValidateOptionsResult.Success;
        return CodeSecretSource.TryDecode(options.CodeSecret, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting '{Setting}' must be base64 of at least 32 bytes (e.g. `openssl rand -base64 32`).");
    }
}
