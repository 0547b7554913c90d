using Microsoft.Extensions.Options;

namespace ChatAssistant.Hosting;

internal sealed class AssistantOptionsValidator : IValidateOptions<AssistantOptions>
{
    public ValidateOptionsResult Validate(string? name, AssistantOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TimeZone))
            return ValidateOptionsResult.Fail("Setting 'TimeZone' is empty; use an id such as 'Asia/Shanghai'.");
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return ValidateOptionsResult.Fail($"Setting 'TimeZone' has an unknown time zone '{options.TimeZone}'; use an id such as 'Asia/Shanghai'.");
        }
    }
}
