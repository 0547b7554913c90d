namespace ChatAssistant.Operations;

public sealed record DayCount(string Day, long Messages);
