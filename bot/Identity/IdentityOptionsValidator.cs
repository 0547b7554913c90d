using Microsoft.Extensions.Options;

namespace ChatAssistant.Identity;

/// <summary>Checks <see cref="IdentityOptions"/>; messages name the setting.</summary>
internal sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options) =>
        options.MaxWrongCodesPerHour is >= 1 and <= 1_000_000
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting '{IdentityOptions.Section}:MaxWrongCodesPerHour' must be a whole number from 1 to 1000000 (default 100).");
}
