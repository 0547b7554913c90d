using ChatAssistant.Conversation.Time;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Escalation;

/// <summary>
/// What to tell a user about the wait: their place in the queue during office hours, when staff are next at work
/// outside them; and whether a person is expected to answer soon at all.
/// </summary>
public sealed class WaitNotice(AssistantClock clock, IOptions<EscalationOptions> options)
{
    /// <summary>Staff who acted on a conversation this recently (claimed, replied) are taken to be there, day or night.</summary>
    public static readonly TimeSpan PersonActiveWithin = TimeSpan.FromHours(1);

    public string For(int waitingAhead)
    {
        var o = options.Value;
        return InOfficeHours()
            ? EscalationTexts.ConnectedInHours(waitingAhead, (int)Math.Ceiling(o.TypicalWait.TotalMinutes))
            : EscalationTexts.ConnectedOutOfHours(EscalationTexts.OfficeHours(o), NextOpening());
    }

    /// <summary>Monday to Friday between the configured hours, Beijing time. (Public holidays are not modelled.)</summary>
    public bool InOfficeHours()
    {
        var now = clock.Now;
        if (!IsWorkingDay(now.DayOfWeek)) return false;
        var time = TimeOnly.FromDateTime(now.DateTime);
        return time >= options.Value.Opens && time < options.Value.Closes;
    }

    /// <summary>
    /// When staff are next at work, as users read it: 「今天 09:00」, 「明天 09:00」 or 「周一 09:00」 (the next working day's
    /// opening after now; public holidays are not modelled).
    /// </summary>
    public string NextOpening()
    {
        var now = clock.Now;
        var today = DateOnly.FromDateTime(now.DateTime);
        var day = IsWorkingDay(now.DayOfWeek) && TimeOnly.FromDateTime(now.DateTime) < options.Value.Opens ? today : today.AddDays(1);
        while (!IsWorkingDay(day.DayOfWeek)) day = day.AddDays(1);
        var name = day == today ? "今天" : day == today.AddDays(1) ? "明天" : AssistantClock.WeekdayName(day.DayOfWeek);
        return $"{name} {options.Value.OfficeOpens}";
    }

    /// <summary>
    /// Whether a person is expected to answer <paramref name="record"/> soon, so the bot may leave the user's messages
    /// to them: a member acted on it (claimed, assigned, replied) within <see cref="PersonActiveWithin"/>, day or night;
    /// or, in office hours, the announced wait (<c>Escalation:TypicalWait</c>) has not passed since the latest of its
    /// opening, a member's last action, and today's office opening.
    /// </summary>
    public bool PersonExpectedSoon(EscalationRecord record, DateTimeOffset now)
    {
        var lastByStaff = Latest(record.LastStaffActionAt, record.ClaimedAt, record.FirstReplyAt);
        if (lastByStaff is { } acted && now - acted < PersonActiveWithin) return true;
        if (!InOfficeHours()) return false;
        var local = clock.Now;
        var opened = clock.FromWallClock(local.Date + options.Value.Opens.ToTimeSpan());
        var since = Latest(record.CreatedAt, lastByStaff, opened)!.Value;
        return now - since < options.Value.TypicalWait;
    }

    private static bool IsWorkingDay(DayOfWeek day) => day is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static DateTimeOffset? Latest(params DateTimeOffset?[] times) => times.Max();
}
