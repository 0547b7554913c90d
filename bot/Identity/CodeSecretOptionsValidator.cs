using ChatAssistant.Storage;
using ChatAssistant.Adapters.WeChat;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Identity;

/// <summary>
/// The secret is required once a WeChat account is configured (<c>WeChat:Token</c>): real people bind then, and a
/// copy of the data folder must not give away live codes — and with the records on PostgreSQL, where several instances
/// share the codes: a key file generated per instance would make a code issued on one fail on the others. Without
/// either, a generated key file is acceptable.
/// </summary>
internal sealed class CodeSecretOptionsValidator(IOptions<WeChatOptions> wechat, IOptions<RecordsOptions> records) : IValidateOptions<CodeSecretOptions>
{
    private const string Setting = $"{IdentityOptions.Section}:CodeSecret";

    public ValidateOptionsResult Validate(string? name, CodeSecretOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CodeSecret))
            return wechat.Value.AnyAccount
                ? ValidateOptionsResult.Fail($"Setting '{Setting}' is missing; it is required when a WeChat account is configured (WeChat:Token or WeChat:Accounts). Give base64 of 32 random bytes (e.g. `openssl rand -base64 32`), kept outside the data folder.")
                : records.Value.UsesPostgres
                ? ValidateOptionsResult.Fail($"Setting '{Setting}' is missing; it is required with Records:Provider=postgres (every instance must key the shared binding codes alike). Give every instance the same base64 of 32 random bytes (e.g. `openssl rand -base64 32`).")
                : ValidateOptionsResult.Success;
        return CodeSecretSource.TryDecode(options.CodeSecret, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting '{Setting}' must be base64 of at least 32 bytes (e.g. `openssl rand -base64 32`).");
    }
}
