using Microsoft.Extensions.Options;

namespace ChatAssistant.Operations;

internal sealed class OperationsOptionsValidator : IValidateOptions<OperationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationsOptions options) =>
        string.IsNullOrEmpty(options.DailySummaryAt) || options.SummaryTime is not null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting 'Operations:DailySummaryAt' must be a time such as '08:00' (or empty for no summary), not '{options.DailySummaryAt}'.");
}
