using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>Checks the "Redis" settings at start-up; each failure names the setting to fix.</summary>
public sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        var failures = new List<string>();
        if (options.SessionTtl < TimeSpan.FromSeconds(1))
            failures.Add("Redis:SessionTtl must be at least 1 second (e.g. \"00:30:00\").");
        if (options.SessionTtl > TimeSpan.FromDays(365))
            failures.Add("Redis:SessionTtl must be at most 365 days.");
        if (string.IsNullOrWhiteSpace(options.KeyPrefix))
            failures.Add("Redis:KeyPrefix must not be empty (default \"chatassistant:\").");
        if (options.UsesRedis)
        {
            try
            {
                ConfigurationOptions.Parse(options.Configuration!);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                // The parser's message may echo a password, so it is not repeated here.
                failures.Add("Redis:Configuration is not a valid StackExchange.Redis connection string (e.g. \"localhost:6379\").");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
