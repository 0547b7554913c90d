namespace ChatAssistant.Disputes;

/// <summary>
/// One history line as staff see it (decrypted). <see cref="Author"/> is what was stored (<c>staff:</c> and the
/// sign-in name, or <c>user</c>); <see cref="AuthorName"/> is the name to show: the staff member's display name.
/// </summary>
public sealed record TicketEntryView(string Kind, DateTimeOffset At, string Author, string AuthorName, string? Text, bool? Delivered, string? DeliveryError);
