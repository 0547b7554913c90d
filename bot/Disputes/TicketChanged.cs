namespace ChatAssistant.Disputes;

/// <summary>What changed on a ticket; carries nothing personal, so it can go to any signed-in console.</summary>
/// <param name="County">The ticket's county; null for one of 其他地区 (unassigned: the default scope's, like a hand-off of unknown county).</param>
/// <param name="Change">"created", "acknowledged", "status", "note", "reply", "user-added", "withdrawn", "purged".</param>
public sealed record TicketChanged(string Number, string? County, TicketStatus Status, string Change, DateTimeOffset At);
