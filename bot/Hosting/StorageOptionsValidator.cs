using Microsoft.Extensions.Options;

namespace ChatAssistant.Hosting;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            return ValidateOptionsResult.Fail("Setting 'Storage:DataDirectory' is empty; give a folder for the data file.");
        if (options.DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            return ValidateOptionsResult.Fail($"Setting 'Storage:DataDirectory' is not a valid path: '{options.DataDirectory}'.");
        if (options.CheckpointInterval <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail("Setting 'Storage:CheckpointInterval' must be a positive time span such as '00:05:00'.");
        return ValidateOptionsResult.Success;
    }
}
