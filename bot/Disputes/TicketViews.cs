using ChatAssistant.Staff;

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
    public static TicketSummaryView Of(Ticket t, DisputeOptions options, DateTimeOffset now)
    {
        var sla = TicketSla.Of(t, options, now);
        return new TicketSummaryView(t.Number, t.County, t.Category, t.AgeBand, t.Status.ToString(), DisputeTexts.StatusLabel(t.Status),
            t.Anonymous, t.Contact.ToString(), t.CreatedAt, sla.AcknowledgeDue, sla.ResolveDue, sla.AcknowledgeOverdue, sla.ResolveOverdue,
            sla.Overdue, t.PersonalDataDeletedAt is not null, CountyDirectory.IsUnassigned(t.County),
            t.FiledBy == Filer.Parent ? "parent" : "self", HelpNeedTexts.FilerLabel(t.FiledBy));
    }
}

/// <summary>
/// One history line as staff see it (decrypted). <see cref="Author"/> is what was stored (<c>staff:</c> and the
/// sign-in name, or <c>user</c>); <see cref="AuthorName"/> is the name to show: the staff member's display name.
/// </summary>
public sealed record TicketEntryView(string Kind, DateTimeOffset At, string Author, string AuthorName, string? Text, bool? Delivered, string? DeliveryError);

/// <summary>A ticket with its personal fields decrypted: served only by the audited detail endpoint.</summary>
public sealed record TicketDetailView(
    TicketSummaryView Ticket,
    bool GuardianConsent,
    DateTimeOffset ConsentedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? FinishedAt,
    string? Description,
    string? Phone,
    string? Name,
    IReadOnlyList<TicketEntryView> History)
{
    /// <param name="displayName">The display name of a staff member by sign-in name, or null for an account that is gone.</param>
    public static TicketDetailView Of(Ticket t, DisputeOptions options, TicketFieldReader fields, DateTimeOffset now, Func<string, string?> displayName) => new(
        TicketSummaryView.Of(t, options, now),
        t.GuardianConsent,
        t.ConsentedAt,
        t.AcknowledgedAt,
        t.FinishedAt,
        fields.Reveal(t, TicketFields.Description),
        fields.Reveal(t, TicketFields.Phone),
        fields.Reveal(t, TicketFields.Name),
        t.History.Select((e, i) => new TicketEntryView(e.Kind.ToString(), e.At, e.Author, AuthorName(e.Author, displayName),
            fields.RevealEntry(t, i), e.Delivered, e.DeliveryError)).ToList());

    // Stored authors keep the sign-in name (stable, audited); staff read the display name they know each other by.
    private static string AuthorName(string author, Func<string, string?> displayName) =>
        author.StartsWith(StaffUser.ActorPrefix, StringComparison.Ordinal) && author[StaffUser.ActorPrefix.Length..] is var userName
            ? displayName(userName) ?? userName
            : author;
}
