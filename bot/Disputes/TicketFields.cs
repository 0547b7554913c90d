using System.Globalization;
using ChatAssistant.Security;

namespace ChatAssistant.Disputes;

/// <summary>
/// The encrypted fields of a help request and what each value is bound to (<see cref="FieldBinding"/>): the field
/// and the ticket, a history line also its place and kind, a draft answer the user filing it. The field names were
/// the whole associated data of the earlier format, so the start-up re-encryption reads old values with them.
/// </summary>
public static class TicketFields
{
    public const string Description = "dispute.description";
    public const string Phone = "dispute.phone";
    public const string Name = "dispute.name";
    public const string Entry = "dispute.entry";

    /// <summary>A field (<see cref="Description"/>, <see cref="Phone"/>, <see cref="Name"/>) of ticket <paramref name="ticketId"/>.</summary>
    public static FieldBinding Of(int ticketId, string field) => new(field, Record(ticketId));

    /// <summary>The text of history line <paramref name="index"/> (of <paramref name="kind"/>) of ticket <paramref name="ticketId"/>.</summary>
    public static FieldBinding OfEntry(int ticketId, int index, TicketEntryKind kind) =>
        new(Entry, string.Create(CultureInfo.InvariantCulture, $"{Record(ticketId)}/history:{index}:{kind}"));

    /// <summary>
    /// A draft answer kept in the session of the user filing the request (before the ticket exists): bound to that
    /// user, and encrypted again for the ticket when it is filed.
    /// </summary>
    public static FieldBinding Draft(string field, string channelId, string userId) => new(field, $"draft:{channelId}:{userId}");

    private static string Record(int ticketId) => string.Create(CultureInfo.InvariantCulture, $"ticket:{ticketId}");
}
