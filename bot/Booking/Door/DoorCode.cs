namespace ChatAssistant.Booking.Door;

/// <summary>
/// A code the door screen shows: the scene's <paramref name="Nonce"/> (<c>duty:&lt;studioId&gt;:&lt;nonce&gt;</c>), WeChat's
/// <paramref name="Ticket"/>, the <paramref name="Url"/> the QR image encodes, and when it was made.
/// </summary>
public sealed record DoorCode(string Nonce, string Ticket, string Url, DateTimeOffset IssuedAt);
