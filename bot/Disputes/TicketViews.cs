namespace ChatAssistant.Disputes;

/// <summary>A ticket in the staff list: routing and SLA only, no personal fields.</summary>
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
    bool PersonalDataDeleted)
{
    public static TicketSummaryView Of(Ticket t, DisputeOptions options, DateTimeOffset now)
    {
        var sla = TicketSla.Of(t, options, now);
        return new TicketSummaryView(t.Number, t.County, t.Category, t.AgeBand, t.Status.ToString(), DisputeTexts.StatusLabel(t.Status),
            t.Anonymous, t.Contact.ToString(), t.CreatedAt, sla.AcknowledgeDue, sla.ResolveDue, sla.AcknowledgeOverdue, sla.ResolveOverdue,
            sla.Overdue, t.PersonalDataDeletedAt is not null);
    }
}

/// <summary>One history line as staff see it (decrypted).</summary>
public sealed record TicketEntryView(string Kind, DateTimeOffset At, string Author, string? Text, bool? Delivered, string? DeliveryError);

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
    public static TicketDetailView Of(Ticket t, TicketService service, DateTimeOffset now) => new(
        TicketSummaryView.Of(t, service.Options, now),
        t.GuardianConsent,
        t.ConsentedAt,
        t.AcknowledgedAt,
        t.FinishedAt,
        service.Reveal(t.Description, FieldPurpose.Description),
        service.Reveal(t.Phone, FieldPurpose.Phone),
        service.Reveal(t.Name, FieldPurpose.Name),
        t.History.Select(e => new TicketEntryView(e.Kind.ToString(), e.At, e.Author, service.Reveal(e.Text, FieldPurpose.Entry), e.Delivered, e.DeliveryError)).ToList());
}
