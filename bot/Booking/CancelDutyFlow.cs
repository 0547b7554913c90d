using System.Globalization;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Identity;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking;

/// <summary>取消值班: pick one of your upcoming bookings (by number or its date), confirm, cancelled — unless within the cut-off.</summary>
public sealed class CancelDutyFlow(IdentityService identity, BookingService booking, IBookingStore bookings, IStudioStore studios, AssistantClock clock, IOptions<BookingOptions> options) : Flow
{
    public const string FlowId = "booking.cancel";

    /// <summary>The slots this flow keeps its answers in (each named after the step that asks for it).</summary>
    private static class Slots
    {
        public const string Booking = "booking";
    }

    public override string Id => FlowId;

    public override string Title => BookingTexts.CancelTitle;

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("start", async (ctx, ct) =>
        {
            var member = await identity.RequireAsync(ctx, RosterKind.Delegate, ct);
            if (member is null) return StepResult.End();
            if (booking.Upcoming(member.MemberId).Count > 0) return StepResult.Next();
            await ctx.SendAsync(BookingTexts.NothingToCancel, ct);
            return StepResult.End();
        }),
        Step.Choose(Slots.Booking, BookingTexts.CancelHeading, (ctx, _) => Task.FromResult(Options(ctx)), whenEmpty: BookingTexts.NothingToCancel),
        Step.Do("check", async (ctx, ct) =>
        {
            var chosen = Chosen(ctx);
            if (chosen is null)
            {
                await ctx.SendAsync(BookingTexts.CancelGone, ct);
                return StepResult.End();
            }
            if (booking.CanCancel(chosen)) return StepResult.Next();
            await ctx.SendAsync(BookingTexts.TooLateToCancel(clock, chosen, options.Value.CancelCutoff), ct);
            return StepResult.End();
        }),
        Step.Confirm("confirm", ctx => Chosen(ctx) is { } b ? BookingTexts.CancelConfirm(clock, b) : BookingTexts.CancelGone),
        Step.Do("cancel", async (ctx, ct) =>
        {
            var member = identity.FindByOpenId(RosterKind.Delegate, ctx.UserId);
            var id = int.Parse(ctx.Slot(Slots.Booking) ?? "0", CultureInfo.InvariantCulture);
            var outcome = member is null ? new CancelOutcome(CancelStatus.NotFound) : booking.Cancel(member.MemberId, id);
            await ctx.SendAsync(outcome.Status switch
            {
                CancelStatus.Cancelled => BookingTexts.Cancelled(clock, outcome.Booking!),
                CancelStatus.TooLate => BookingTexts.TooLateToCancel(clock, outcome.Booking!, options.Value.CancelCutoff),
                _ => BookingTexts.CancelGone,
            }, ct);
            return StepResult.End();
        }),
    ];

    private IReadOnlyList<Choice> Options(FlowContext ctx)
    {
        var member = identity.FindByOpenId(RosterKind.Delegate, ctx.UserId);
        if (member is null) return [];
        return booking.Upcoming(member.MemberId)
            .Select(b => new Choice(b.Id.ToString(CultureInfo.InvariantCulture), BookingTexts.CancelLabel(clock, b, studios.Read(b.StudioId), booking.CanCancel(b))) { Start = b.Start, End = b.End })
            .ToList();
    }

    private DutyBooking? Chosen(FlowContext ctx)
    {
        var member = identity.FindByOpenId(RosterKind.Delegate, ctx.UserId);
        var found = int.TryParse(ctx.Slot(Slots.Booking), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? bookings.Find(id) : null;
        return found is not null && member is not null && found.MemberId == member.MemberId && found.Status == BookingStatus.Booked ? found : null;
    }
}
