using ChatAssistant.Security;

namespace ChatAssistant.Disputes;

/// <summary>
/// Decrypts a ticket's personal fields for the staff detail view. A value that does not decrypt for this ticket
/// (copied from another record, tampered with, made with another key) shows as <see cref="FieldTexts.Unreadable"/>
/// and is logged by ticket number and field, so one bad value does not make the whole ticket fail.
/// </summary>
public sealed class TicketFieldReader(FieldCipher cipher, ILogger<TicketFieldReader> log)
{
    /// <summary>
    /// <see cref="TicketFields.Description"/>, <see cref="TicketFields.Phone"/> or <see cref="TicketFields.Name"/> of
    /// <paramref name="ticket"/>; null when deleted.
    /// </summary>
    public string? Reveal(Ticket ticket, string field) => Reveal(ticket, FieldOf(ticket, field), TicketFields.Of(ticket.Id, field));

    /// <summary>The text of history line <paramref name="index"/> of <paramref name="ticket"/>; null when deleted.</summary>
    public string? RevealEntry(Ticket ticket, int index)
    {
        var entry = ticket.History[index];
        return Reveal(ticket, entry.Text, TicketFields.OfEntry(ticket.Id, index, entry.Kind));
    }

    private string? Reveal(Ticket ticket, string? value, FieldBinding binding)
    {
        if (value is null) return null;
        if (cipher.TryUnprotect(value, binding, out var plain)) return plain;
        log.LogWarning("A {Field} value of help request {Number} cannot be decrypted for it (moved from another record, tampered with, or another key)", binding.Field, ticket.Number);
        return FieldTexts.Unreadable;
    }

    private static string? FieldOf(Ticket t, string field) => field switch
    {
        TicketFields.Description => t.Description,
        TicketFields.Phone => t.Phone,
        TicketFields.Name => t.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a ticket field."),
    };
}
