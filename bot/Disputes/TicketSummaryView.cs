using ChatAssistant.Conversation;

namespace ChatAssistant.Disputes;

/// <summary>
/// A ticket in the staff list: routing and SLA only, no personal fields. <see cref="Unassigned"/>: filed for 其他地区,
/// no county's yet. <see cref="FiledBy"/>: "self" or "parent" (a parent for their child; the age band is the child's).
/// </summary>
public sealed record TicketSummaryView(
    string Number,
    string County,
    string Category,
    string AgeBand,
    string Status,
    string StatusLabel,
    bool Anonymous,
    string Contact,
    DateTimeOffset CreatedAt,
    DateTimeOffset AcknowledgeDue,
    DateTimeOffset ResolveDue,
    bool AcknowledgeOverdue,
    bool ResolveOverdue,
    bool Overdue,
    bool PersonalDataDeleted,
    bool Unassigned,
    string FiledBy,
    string FiledByLabel)
{
    /// <summary>The Official Account the request came through (its setting name; null for the web chat).</summary>
    public string? Account { get; init; }

    /// <summary>How staff know that account (its display name).</summary>
    public string? AccountName { get; init; }

    /// <summary>The view with the account it came through (<paramref name="names"/>).</summary>
    public static TicketSummaryView Of(Ticket t, DisputeOptions options, DateTimeOffset now, AccountNames names) =>
        Of(t, options, now) with { Account = names.AccountOf(t.ChannelId)?.Name, AccountName = names.AccountOf(t.ChannelId)?.DisplayName };

    public static TicketSummaryView Of(Ticket t, DisputeOptions options, DateTimeOffset now)
    {
        var sla = TicketSla.Of(t, options, now);
        return new TicketSummaryView(t.Number, t.County, t.Category, t.AgeBand, t.Status.ToString(), DisputeTexts.StatusLabel(t.Status),
            t.Anonymous, t.Contact.ToString(), t.CreatedAt, sla.AcknowledgeDue, sla.ResolveDue, sla.AcknowledgeOverdue, sla.ResolveOverdue,
            sla.Overdue, t.PersonalDataDeletedAt is not null, CountyDirectory.IsUnassigned(t.County),
            t.FiledBy == Filer.Parent ? "parent" : "self", HelpNeedTexts.FilerLabel(t.FiledBy));
    }
}
