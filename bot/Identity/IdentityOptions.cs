using Microsoft.Extensions.Options;

namespace ChatAssistant.Identity;

/// <summary>Settings of account binding (section "Identity"). The code secret is bound apart: <see cref="CodeSecretOptions"/>.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// Wrong binding codes from all users together in one clock hour (the assistant's zone, Beijing time) after which
    /// binding pauses for the rest of that hour: someone is guessing across many OpenIDs.
    /// </summary>
    public int MaxWrongCodesPerHour { get; set; } = 100;
}

/// <summary>Checks <see cref="IdentityOptions"/>; messages name the setting.</summary>
internal sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options) =>
        options.MaxWrongCodesPerHour is >= 1 and <= 1_000_000
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting '{IdentityOptions.Section}:MaxWrongCodesPerHour' must be a whole number from 1 to 1000000 (default 100).");
}
