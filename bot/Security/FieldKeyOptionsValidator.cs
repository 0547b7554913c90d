using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Security;

/// <summary>
/// The key is required with a WeChat account (<c>WeChat:Token</c> set) and for a declared production deployment
/// (environment named explicitly, or Redis configured), and with records on PostgreSQL, which several instances share: a key generated beside the records would end up in every
/// backup of them. Only the embedded default generates a key file, with a warning. When such a file is already
/// there, the message says to move its key into the setting (the records need that key).
/// </summary>
internal sealed class FieldKeyOptionsValidator(IHostEnvironment environment, IConfiguration configuration, IOptions<StorageOptions> storage)
    : IValidateOptions<FieldKeyOptions>
{
    private const string HowToMake = "Give base64 of 32 random bytes (e.g. `openssl rand -base64 32`)";

    public ValidateOptionsResult Validate(string? name, FieldKeyOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey))
            return FieldKeySource.TryDecode(options.EncryptionKey, out _)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Setting '{FieldKeyOptions.Setting}' must be base64 of exactly 32 bytes (e.g. `openssl rand -base64 32`).");

        var why = WhyRequired();
        if (why is null) return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(GeneratedKeyFile() is { } keyFile
            ? $"Setting '{FieldKeyOptions.Setting}' is missing; it is required {why}. The records were encrypted with the key generated in {keyFile}: move that key (the file's one line) into '{FieldKeyOptions.Setting}', keep it outside the data folder, then delete the file."
            : $"Setting '{FieldKeyOptions.Setting}' is missing; it is required {why}. {HowToMake}.");
    }

    // The key file an earlier start generated, if there is one (a wrong Storage setting is reported by its own validator).
    private string? GeneratedKeyFile()
    {
        try
        {
            var path = FieldKeySource.KeyFilePath(storage.Value);
            return File.Exists(path) ? path : null;
        }
        catch (Exception e) when (e is OptionsValidationException or ArgumentException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    private string? WhyRequired()
    {
        if (WeChatOptions.AnyAccountIn(configuration))
            return $"when the WeChat channel is configured ({WeChatOptions.Section}:Token or {WeChatOptions.Section}:Accounts set)";
        if (string.Equals(configuration[$"{Storage.RecordsOptions.Section}:Provider"], "postgres", StringComparison.OrdinalIgnoreCase))
            return "with records on PostgreSQL (Records:Provider=postgres): every instance must read the fields the others encrypted";
        return FieldKeySource.KeyRequired(environment, configuration) ? "in Production" : null;
    }
}
