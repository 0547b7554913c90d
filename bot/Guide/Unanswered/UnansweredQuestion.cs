using ChatAssistant.Storage;

namespace ChatAssistant.Guide.Unanswered;

/// <summary>
/// A question the guide did not answer well (collection / table <c>guide_unanswered</c>): masked before it is stored
/// (<see cref="Security.PersonalText"/>), with no user id, only the channel (which Official Account) it came through.
/// Deleted when staff attach it to an entry or dismiss it (the audit log keeps that they did), else after
/// <see cref="UnansweredRetention.Keep"/>.
/// </summary>
public sealed class UnansweredQuestion : IListedRecord
{
    public int Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The channel id of the account it was asked through (for the account's guide and the console's name).</summary>
    public string ChannelId { get; set; } = "";

    /// <summary>One of <see cref="UnansweredKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The question, masked.</summary>
    public string Text { get; set; } = "";

    /// <summary>The entry the guide came closest to, or gave (for a hand-off after an answer); null when none.</summary>
    public string? Nearest { get; set; }
}
