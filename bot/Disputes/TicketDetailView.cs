using ChatAssistant.Staff;

namespace ChatAssistant.Disputes;

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
