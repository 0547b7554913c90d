using ChatAssistant.Conversation.Time;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Escalation;

/// <summary>What to tell a user about the wait: their place in the queue during office hours, the latest answer time outside them.</summary>
public sealed class WaitNotice(AssistantClock clock, IOptions<EscalationOptions> options)
{
    public string For(int waitingAhead)
    {
        var o = options.Value;
        return InOfficeHours()
            ? EscalationTexts.ConnectedInHours(waitingAhead, (int)Math.Ceiling(o.TypicalWait.TotalMinutes))
            : EscalationTexts.ConnectedOutOfHours(EscalationTexts.OfficeHours(o), (int)Math.Ceiling(o.AcknowledgeWithin.TotalHours));
    }

    /// <summary>Monday to Friday between the configured hours, Beijing time. (Public holidays are not modelled.)</summary>
    public bool InOfficeHours()
    {
        var now = clock.Now;
        if (now.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        var time = TimeOnly.FromDateTime(now.DateTime);
        return time >= options.Value.Opens && time < options.Value.Closes;
    }
}
