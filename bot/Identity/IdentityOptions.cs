
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
