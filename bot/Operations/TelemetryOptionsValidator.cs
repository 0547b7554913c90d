using Microsoft.Extensions.Options;

namespace ChatAssistant.Operations;

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        if (options.Endpoint is { Length: > 0 } endpoint
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            return ValidateOptionsResult.Fail($"Setting 'OpenTelemetry:Endpoint' must be an http or https address such as 'http://127.0.0.1:4317', not '{endpoint}'.");
        if (options.Protocol is not ("grpc" or "http/protobuf"))
            return ValidateOptionsResult.Fail($"Setting 'OpenTelemetry:Protocol' must be 'grpc' or 'http/protobuf', not '{options.Protocol}'.");
        if (options.TraceSampleRatio is < 0 or > 1 || double.IsNaN(options.TraceSampleRatio))
            return ValidateOptionsResult.Fail($"Setting 'OpenTelemetry:TraceSampleRatio' must be between 0 and 1 (0.1: one message in ten), not '{options.TraceSampleRatio}'.");
        if (string.IsNullOrWhiteSpace(options.ServiceName))
            return ValidateOptionsResult.Fail("Setting 'OpenTelemetry:ServiceName' must not be empty; give a name such as 'chatassistant'.");
        return ValidateOptionsResult.Success;
    }
}
