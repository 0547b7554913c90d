using System.Globalization;
using ChatAssistant.Booking.Door;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking;

/// <summary>
/// The studio's door codes: the door screen's renewed code (scene "duty:&lt;studioId&gt;:&lt;nonce&gt;") checks the delegate
/// in, confirmed, while its nonce is fresh; the printed permanent code ("duty:&lt;studioId&gt;") records a self-reported
/// check-in for staff to confirm, since a photo of it works from anywhere.
/// </summary>
public sealed class DutyCheckInScene(IdentityService identity, BookingService booking, DoorNonces doorNonces, AssistantClock clock, IOptions<BookingOptions> options) : ISceneHandler
{
    public const string Prefix = "duty:";

    private const int MaxNonceLength = 40;

    public static string SceneOf(int studioId) => Prefix + studioId.ToString(CultureInfo.InvariantCulture);

    public bool CanHandle(string scene) => scene.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task HandleAsync(ITurnContext turn, ConversationData data, string scene, CancellationToken cancellationToken)
    {
        var text = await ReplyAsync(turn.Activity.From?.Id ?? "", scene, cancellationToken);
        await turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
    }

    private async Task<string> ReplyAsync(string userId, string scene, CancellationToken cancellationToken)
    {
        if (!TryParse(scene.AsSpan(Prefix.Length), out var studioId, out var nonce)) return BookingTexts.UnknownStudio;
        var member = identity.FindByOpenId(RosterKind.Delegate, userId);
        if (member is null) return IdentityTexts.NotBound(RosterKind.Delegate);
        if (nonce is not null && !await doorNonces.IsValidAsync(studioId, nonce, cancellationToken)) return BookingTexts.DoorCodeExpired;
        var outcome = booking.CheckIn(member.MemberId, studioId, nonce is null ? CheckInProof.PrintedCode : CheckInProof.DoorScreen);
        return outcome.Status switch
        {
            CheckInStatus.CheckedIn => BookingTexts.CheckedIn(clock, outcome.Booking!, outcome.Studio!),
            CheckInStatus.SelfReported => BookingTexts.SelfReported(clock, outcome.Booking!, outcome.Studio!),
            CheckInStatus.AlreadyCheckedIn => BookingTexts.AlreadyCheckedIn(clock, outcome.Booking!),
            CheckInStatus.AlreadySelfReported => BookingTexts.AlreadySelfReported(clock, outcome.Booking!),
            CheckInStatus.OutsideWindow => BookingTexts.OutsideWindow(clock, outcome.Booking!, outcome.Studio!, options.Value.CheckInWindow),
            CheckInStatus.TooLate => BookingTexts.CheckInTooLate(clock, outcome.Booking!, options.Value.CheckInWindow),
            CheckInStatus.NoBooking => BookingTexts.NoBookingHere(outcome.Studio!),
            _ => BookingTexts.UnknownStudio,
        };
    }

    /// <summary>"5" (the printed code) or "5:&lt;nonce&gt;" (the door screen's), the nonce URL-safe base64.</summary>
    private static bool TryParse(ReadOnlySpan<char> rest, out int studioId, out string? nonce)
    {
        nonce = null;
        var colon = rest.IndexOf(':');
        var id = colon < 0 ? rest : rest[..colon];
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out studioId)) return false;
        if (colon < 0) return true;
        var tail = rest[(colon + 1)..];
        if (tail.Length is 0 or > MaxNonceLength) return false;
        foreach (var c in tail)
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_') return false;
        nonce = tail.ToString();
        return true;
    }
}
