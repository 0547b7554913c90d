using Microsoft.Extensions.Options;

namespace ChatAssistant.Operations;

internal sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        for (var i = 0; i < options.AllowedAddresses.Count; i++)
        {
            if (!MetricsAccess.TryParse(options.AllowedAddresses[i], out _))
                return ValidateOptionsResult.Fail($"Setting 'Metrics:AllowedAddresses:{i}' is not an IP address or network: '{options.AllowedAddresses[i]}'; give one such as '10.0.0.7' or '10.0.0.0/24'.");
        }
        return ValidateOptionsResult.Success;
    }
}
