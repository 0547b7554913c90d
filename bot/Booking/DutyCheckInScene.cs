using System.Globalization;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking;

/// <summary>The studio door's QR code (scene "duty:&lt;studioId&gt;"): scanning it inside the slot window checks the delegate in.</summary>
public sealed class DutyCheckInScene(IdentityService identity, BookingService booking, AssistantClock clock, IOptions<BookingOptions> options) : ISceneHandler
{
    public const string Prefix = "duty:";

    public static string SceneOf(int studioId) => Prefix + studioId.ToString(CultureInfo.InvariantCulture);

    public bool CanHandle(string scene) => scene.StartsWith(Prefix, StringComparison.Ordinal);

    public Task HandleAsync(ITurnContext turn, ConversationData data, string scene, CancellationToken cancellationToken)
    {
        var text = Reply(turn.Activity.From?.Id ?? "", scene);
        return turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
    }

    private string Reply(string userId, string scene)
    {
        if (!int.TryParse(scene.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var studioId)) return BookingTexts.UnknownStudio;
        var member = identity.FindByOpenId(RosterKind.Delegate, userId);
        if (member is null) return IdentityTexts.NotBound(RosterKind.Delegate);
        var outcome = booking.CheckIn(member.MemberId, studioId);
        return outcome.Status switch
        {
            CheckInStatus.CheckedIn => BookingTexts.CheckedIn(clock, outcome.Booking!, outcome.Studio!),
            CheckInStatus.AlreadyCheckedIn => BookingTexts.AlreadyCheckedIn(clock, outcome.Booking!),
            CheckInStatus.OutsideWindow => BookingTexts.OutsideWindow(clock, outcome.Booking!, outcome.Studio!, options.Value.CheckInWindow),
            CheckInStatus.TooLate => BookingTexts.CheckInTooLate(clock, outcome.Booking!, options.Value.CheckInWindow),
            CheckInStatus.NoBooking => BookingTexts.NoBookingHere(outcome.Studio!),
            _ => BookingTexts.UnknownStudio,
        };
    }
}
