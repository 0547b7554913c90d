namespace ChatAssistant.Operations;

public sealed record Dashboard(
    string From, string To, string? Scope, IReadOnlyList<DayCount> MessagesPerDay, AnswerCounts Answers, IReadOnlyList<NamedCount> TopUnanswered,
    HandoffFigures Handoffs, IReadOnlyList<NamedCount> TicketsByCategory, IReadOnlyList<NamedCount> TicketsByCounty, IReadOnlyList<DutyRow> Duty,
    IReadOnlyList<HoursRow> Hours);
