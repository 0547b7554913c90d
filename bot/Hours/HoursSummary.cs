namespace ChatAssistant.Hours;

/// <summary>A volunteer's hours: verified in total and this year, awaiting review, and the latest activities.</summary>
public sealed record HoursSummary(decimal TotalHours, decimal YearHours, int Year, decimal PendingHours, IReadOnlyList<HourRecord> Recent);
