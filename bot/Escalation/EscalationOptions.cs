using System.Globalization;

namespace ChatAssistant.Escalation;

/// <summary>Settings of the hand-off ("Escalation" section): service levels, office hours, who sees unknown counties.</summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    /// <summary>A person must claim or answer a new escalation within this time (default 24 h).</summary>
    public TimeSpan AcknowledgeWithin { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A person must claim or answer an urgent (crisis) escalation within this time (default 15 minutes); unacknowledged
    /// by then, the next person on the county's on-call rota and the admins are alerted (<c>OnCall/UrgentAlertChain</c>).
    /// </summary>
    public TimeSpan UrgentAcknowledgeWithin { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The on-call rota from configuration (<c>Escalation:OnCall:0:County</c>, <c>:Staff</c>, <c>:Days</c>, <c>:From</c>,
    /// <c>:To</c>), before the lines staff add in the console; see <c>OnCall/OnCallShift</c>.
    /// </summary>
    public List<OnCall.OnCallShift> OnCall { get; set; } = [];

    /// <summary>The acknowledge limit of <paramref name="record"/>: urgent ones have their own.</summary>
    public TimeSpan AcknowledgeLimit(EscalationRecord record) => record.Urgent ? UrgentAcknowledgeWithin : AcknowledgeWithin;

    /// <summary>A person must reply within this time (default 7 days).</summary>
    public TimeSpan ReplyWithin { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The wait announced to users during office hours.</summary>
    public TimeSpan TypicalWait { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Start of office hours on working days, Beijing time ("09:00").</summary>
    public string OfficeOpens { get; set; } = "09:00";

    /// <summary>End of office hours on working days ("17:30").</summary>
    public string OfficeCloses { get; set; } = "17:30";

    /// <summary>
    /// The staff scope that also sees escalations whose county is unknown (e.g. the city committee).
    /// Unset: only admins see them.
    /// </summary>
    public string? DefaultScope { get; set; }

    /// <summary>
    /// Days a resolved hand-off keeps its transcript and notes (what a young person wrote to a person, crisis
    /// messages included) and who the user was; then both are deleted and only the record's times and county stay.
    /// </summary>
    public int RetentionDays { get; set; } = 180;

    public TimeOnly Opens => TimeOnly.ParseExact(OfficeOpens, "HH:mm", CultureInfo.InvariantCulture);

    public TimeOnly Closes => TimeOnly.ParseExact(OfficeCloses, "HH:mm", CultureInfo.InvariantCulture);
}
