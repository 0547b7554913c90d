using ChatAssistant.Adapters;
using ChatAssistant.Conversation.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking;

/// <summary>
/// Sends due duty reminders through <see cref="IUserMessenger"/>. The schedule is stored (LiteDB or PostgreSQL), so a restart
/// loses none; each reminder is claimed before it is sent, so none goes out twice.
/// </summary>
public sealed class ReminderService(
    IReminderStore reminders,
    IBookingStore bookings,
    IStudioStore studios,
    SlotCalendar calendar,
    IUserMessenger messenger,
    AssistantClock clock,
    IOptions<BookingOptions> options,
    ILogger<ReminderService> log) : BackgroundService
{
    public const string TemplateKey = "duty_reminder";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var interrupted = reminders.FailInterrupted(clock.Now);
            if (interrupted > 0) log.LogWarning("{Count} reminders were interrupted by a restart and marked failed", interrupted);
            await SendDueAsync(stoppingToken);
            using var timer = new PeriodicTimer(options.Value.ReminderPollInterval, clock.Time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await SendDueAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>Sends every reminder that is due now; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var due in reminders.Due(clock.Now))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!reminders.TryClaim(due.Id, clock.Now)) continue;
            var booking = bookings.Find(due.Id);
            var studio = booking is null ? null : studios.Read(booking.StudioId);
            if (booking is null || studio is null || booking.Status != BookingStatus.Booked)
            {
                reminders.MarkFailed(due.Id, clock.Now, "booking or studio no longer exists");
                continue;
            }
            // Late after an outage: a reminder for a duty already under way or over would only confuse.
            if (booking.Start <= clock.Now)
            {
                reminders.MarkFailed(due.Id, clock.Now, "the duty had started before the reminder could go out");
                log.LogWarning("Reminder for {BookingId} dropped: the duty had already started", due.Id);
                continue;
            }
            // Staff closed the studio that day, or changed its hours so that it is shut at the booked time, after
            // the booking: the booking is cancelled (its place and the delegate's quota freed, as it is past the
            // online cut-off) and the delegate is told not to come; the reminder stays failed with the reason for
            // staff. New hours that still cover the booked time change nothing.
            if (!calendar.IsOpenAt(studio, booking.Start, booking.End))
            {
                bookings.MarkCancelled(booking, clock.Now);
                var told = await SendAsync(booking, studio, BookingTexts.StudioClosed(studio, BookingTexts.SlotTime(clock, booking.Start, booking.End)), null, cancellationToken);
                reminders.MarkFailed(due.Id, clock.Now, "studio not open at the booked time; booking cancelled, " +
                    (told.Delivered ? "the delegate was told" : $"telling the delegate failed: {told.ErrorCode}"));
                log.LogWarning("Booking {BookingId} cancelled: the studio is not open at its time", booking.Id);
                continue;
            }
            var result = await SendAsync(booking, studio, cancellationToken);
            if (result.Delivered)
            {
                reminders.MarkSent(due.Id, clock.Now);
                delivered++;
                log.LogInformation("Reminder for {BookingId} sent", due.Id);
            }
            else
            {
                reminders.MarkFailed(due.Id, clock.Now, $"{result.ErrorCode}: {result.Reason}");
                log.LogWarning("Reminder for {BookingId} failed: {ErrorCode}", due.Id, result.ErrorCode);
            }
        }
        return delivered;
    }

    private Task<DeliveryResult> SendAsync(DutyBooking booking, Studio studio, CancellationToken ct)
    {
        var time = BookingTexts.SlotTime(clock, booking.Start, booking.End);
        var fields = new Dictionary<string, string>
        {
            ["studio"] = studio.Name,
            ["address"] = studio.Address,
            ["time"] = time,
            ["remark"] = BookingTexts.ReminderRemark,
        };
        var day = (calendar.DayOf(booking.Start).DayNumber - clock.Today.DayNumber) switch { 0 => "今天", 1 => "明天", _ => "" };
        return SendAsync(booking, studio, BookingTexts.Reminder(studio, day, time), fields, ct);
    }

    private async Task<DeliveryResult> SendAsync(DutyBooking booking, Studio studio, string text, Dictionary<string, string>? fields, CancellationToken ct)
    {
        var message = new OutboundMessage(booking.ChannelId, booking.UserId, text, fields is null ? null : TemplateKey, fields);
        try
        {
            return await messenger.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The messenger should report failures, not throw; if it throws anyway the reason is kept for staff.
            log.LogError(e, "Messenger threw for reminder {BookingId}", booking.Id);
            return DeliveryResult.Failed("exception", e.GetType().Name);
        }
    }
}
