namespace ChatAssistant.Escalation;

/// <summary>
/// A change staff consoles should show. It carries no user text: consoles fetch what they may see.
/// <paramref name="Event"/> is the server-sent event's name: "escalation" for hand-offs, "ticket" for help requests,
/// "alert" for admin alerts (admins' consoles only).
/// </summary>
public sealed record EscalationChange(string Id, string? County, string What, string Event = EscalationChange.Escalation)
{
    public const string Escalation = "escalation";
    public const string Ticket = "ticket";
    public const string Alert = "alert";
}
