using Microsoft.Extensions.Options;

namespace ChatAssistant.Feedback;

internal sealed class FeedbackOptionsValidator : IValidateOptions<FeedbackOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedbackOptions options) =>
        options.RetentionDays >= 1
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting '{FeedbackOptions.Section}:RetentionDays' must be at least 1.");
}
