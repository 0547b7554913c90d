using Microsoft.Extensions.Options;

namespace ChatAssistant.Hours;

internal sealed class HoursOptionsValidator : IValidateOptions<HoursOptions>
{
    public ValidateOptionsResult Validate(string? name, HoursOptions o)
    {
        var failures = new List<string>();
        if (o.PointsPerHour <= 0 || o.PointsPerHour > 1000)
            failures.Add($"Setting 'Hours:PointsPerHour' must be a positive number (e.g. 1); it is {o.PointsPerHour}.");
        if (o.HoursTolerance < 0 || o.HoursTolerance > 2)
            failures.Add($"Setting 'Hours:HoursTolerance' must be between 0 and 2 hours; it is {o.HoursTolerance}.");
        if (o.MaxHoursPerDay <= 0 || o.MaxHoursPerDay > 24)
            failures.Add($"Setting 'Hours:MaxHoursPerDay' must be between 0 and 24; it is {o.MaxHoursPerDay}.");
        if (string.IsNullOrWhiteSpace(o.CatalogueFile))
            failures.Add("Setting 'Hours:CatalogueFile' is empty; give the path of the 爱心超市 catalogue (YAML).");
        // A wrong path or a broken file would otherwise serve an empty 爱心超市, noticed only when a volunteer asks.
        else if (CatalogueProvider.Check(o.CataloguePath) is { } problem)
            failures.Add($"Setting 'Hours:CatalogueFile': the catalogue {o.CataloguePath} is not usable ({problem}); fix it, or point the setting at the right file.");
        if (o.RecentActivities is < 1 or > 20)
            failures.Add("Setting 'Hours:RecentActivities' must be between 1 and 20.");
        if (o.MaxImportLines < 1)
            failures.Add("Setting 'Hours:MaxImportLines' must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
