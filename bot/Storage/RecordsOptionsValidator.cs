using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatAssistant.Storage;

/// <summary>Checks the "Records" settings at start-up; each failure names the setting to fix.</summary>
public sealed class RecordsOptionsValidator : IValidateOptions<RecordsOptions>
{
    public ValidateOptionsResult Validate(string? name, RecordsOptions options)
    {
        var provider = options.Provider?.Trim();
        if (!string.Equals(provider, RecordsOptions.LiteDb, StringComparison.OrdinalIgnoreCase) && !options.UsesPostgres)
            return ValidateOptionsResult.Fail($"Setting 'Records:Provider' must be '{RecordsOptions.LiteDb}' (the default: one LiteDB file) or '{RecordsOptions.Postgres}' (with Records:ConnectionString), not '{options.Provider}'.");
        if (!options.UsesPostgres) return ValidateOptionsResult.Success;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail("Setting 'Records:ConnectionString' is required with Records:Provider=postgres: an Npgsql connection string such as \"Host=db1;Database=assistant;Username=assistant;Password=…\".");
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(parsed.Host))
                return ValidateOptionsResult.Fail("Setting 'Records:ConnectionString' names no Host (a server name, an address or a unix socket folder).");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // The parser's message may echo a password, so it is not repeated here.
            return ValidateOptionsResult.Fail("Setting 'Records:ConnectionString' is not a valid Npgsql connection string (e.g. \"Host=db1;Database=assistant;Username=assistant;Password=…\").");
        }
        return ValidateOptionsResult.Success;
    }
}
