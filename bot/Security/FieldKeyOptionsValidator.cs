using Microsoft.Extensions.Options;

namespace ChatAssistant.Security;

/// <summary>
/// The key is required when the host is a declared production deployment (environment named explicitly, or
/// Redis configured); the embedded default (no configuration at all) generates a key file instead, with a warning.
/// </summary>
internal sealed class FieldKeyOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<FieldKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, FieldKeyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.EncryptionKey))
            return FieldKeySource.KeyRequired(environment, configuration)
                ? ValidateOptionsResult.Fail($"Setting '{FieldKeyOptions.Setting}' is missing; it is required in Production. Give base64 of 32 random bytes (e.g. `openssl rand -base64 32`).")
                : ValidateOptionsResult.Success;
        return FieldKeySource.TryDecode(options.EncryptionKey, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting '{FieldKeyOptions.Setting}' must be base64 of exactly 32 bytes (e.g. `openssl rand -base64 32`).");
    }
}
