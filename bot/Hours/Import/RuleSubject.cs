namespace ChatAssistant.Hours.Import;

/// <summary>An hour record as the rules see it (from the file being imported, or already stored).</summary>
public sealed record RuleSubject(string RecordId, string VolunteerId, string Activity, DateOnly Date, int StartMinute, int EndMinute, decimal Hours)
{
    public bool HasRange => EndMinute > StartMinute;

    public static RuleSubject From(ImportRow r) => new(r.RecordId, r.VolunteerId, r.Activity, r.Date, r.StartMinute, r.EndMinute, r.Hours);

    public static RuleSubject From(HourRecord r) => new(r.RecordId, r.VolunteerId, r.Activity, r.Day, r.StartMinute, r.EndMinute, r.Hours);
}
