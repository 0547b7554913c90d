namespace ChatAssistant.Operations;

/// <summary>The admins' daily summary (docs/OPERATIONS.md).</summary>
public sealed class OperationsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Operations";

    /// <summary>Beijing time (<c>HH:mm</c>) from which yesterday's summary is raised; empty: no summary.</summary>
    public string? DailySummaryAt { get; set; } = "08:00";

    /// <summary>The time of day, or null when the summary is off.</summary>
    public TimeOnly? SummaryTime => TimeOnly.TryParseExact(DailySummaryAt, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : null;
}
