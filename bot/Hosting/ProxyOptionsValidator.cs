using Microsoft.Extensions.Options;

namespace ChatAssistant.Hosting;

internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!System.Net.IPAddress.TryParse(options.KnownProxies[i], out _))
                return ValidateOptionsResult.Fail($"Setting 'Proxy:KnownProxies:{i}' is not an IP address: '{options.KnownProxies[i]}'; give the proxy's address such as '10.0.0.5'.");
        }
        return ValidateOptionsResult.Success;
    }
}
