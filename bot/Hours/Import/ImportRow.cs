namespace ChatAssistant.Hours.Import;

/// <summary>One well-formed line of an hours export.</summary>
public sealed record ImportRow(int Line, string RecordId, string VolunteerId, string Activity, string Organiser, DateOnly Date, int StartMinute, int EndMinute, decimal Hours);
