using ChatAssistant.Conversation.Time;
using System.Security.Cryptography;
using System.Text;

namespace ChatAssistant.Escalation;

/// <summary>Turns records into views: SLA flags against the configured limits, and a pseudonym instead of the user id.</summary>
public static class EscalationViews
{
    /// <summary>The summary with every time in Beijing time (<paramref name="clock"/>'s zone), as every other staff answer.</summary>
    public static EscalationSummary Summary(EscalationRecord r, EscalationOptions o, DateTimeOffset now, AssistantClock clock)
    {
        DateTimeOffset Local(DateTimeOffset t) => clock.ToLocal(t);
        DateTimeOffset? LocalOrNull(DateTimeOffset? t) => t is { } v ? clock.ToLocal(v) : null;
        var open = r.Status != EscalationStatus.Resolved;
        var acknowledged = r.ClaimedAt ?? r.FirstReplyAt;
        var ackDue = r.CreatedAt + o.AcknowledgeLimit(r);
        var replyDue = r.CreatedAt + o.ReplyWithin;
        var end = r.ResolvedAt ?? now;
        return new EscalationSummary(
            r.Id.ToString(), Pseudonym(r), r.ChannelId, r.Reason.ToString(), r.Urgent, r.County, r.Status.ToString(),
            Local(r.CreatedAt), LocalOrNull(r.ClaimedAt), LocalOrNull(r.FirstReplyAt), LocalOrNull(r.ResolvedAt), LocalOrNull(r.LastUserMessageAt), r.AssigneeName,
            (int)Math.Max(0, (end - r.CreatedAt).TotalMinutes),
            Local(ackDue), Local(replyDue),
            AcknowledgeOverdue: acknowledged is null ? open && now > ackDue : acknowledged > ackDue,
            ReplyOverdue: r.FirstReplyAt is null ? open && now > replyDue : r.FirstReplyAt > replyDue,
            r.CrisisCategory, r.CrisisSignal);
    }

    public static EntryView Entry(EscalationEntry e, AssistantClock clock) =>
        new(e.Kind.ToString(), clock.ToLocal(e.At), e.Text, e.StaffName, e.Delivered, e.ErrorCode, e.FailureReason, e.SelfService);

    /// <summary>Urgent first, then overdue, then the longest waiting.</summary>
    public static IEnumerable<EscalationSummary> Ordered(IEnumerable<EscalationSummary> items) =>
        items.OrderByDescending(s => s.Urgent && s.Status != nameof(EscalationStatus.Resolved))
            .ThenByDescending(s => s.AcknowledgeOverdue || s.ReplyOverdue)
            .ThenBy(s => s.CreatedAt);

    /// <summary>
    /// Staff need to tell users apart, not to know their OpenID: a short stable label derived from it.
    /// </summary>
    public static string Pseudonym(EscalationRecord r) => Pseudonym(r.ChannelId, r.UserId);

    /// <summary>The same label for a user on a channel (e.g. in the audit row of a refused pick-up).</summary>
    public static string Pseudonym(string channelId, string userId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(channelId + ":" + userId));
        return "用户" + Convert.ToHexString(hash, 0, 3);
    }
}
