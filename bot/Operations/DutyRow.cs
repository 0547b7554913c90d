namespace ChatAssistant.Operations;

/// <summary>A county's delegates this year: how many, duties the requirement asks, duties attended (up to it), delegates who met it.</summary>
public sealed record DutyRow(string County, int Delegates, int Required, int Attended, int Met);
