namespace ChatAssistant.Disputes;

/// <summary>A city's counties in the order configured (<see cref="City"/> null for the flat list of earlier versions).</summary>
public sealed record CountyGroup(string? City, IReadOnlyList<CountyOption> Counties);
