using ChatAssistant.Disputes;
using System.Globalization;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Identity;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking;

/// <summary>
/// 预约值班: reads a time from the message ("我想下周三下午去值班"); one matching free slot → confirm → booked;
/// otherwise the next (or nearest) free slots as a numbered list. A delegate at the open-bookings limit is told at
/// once (and how to free a place), and slots they hold, or that overlap one of theirs, are never offered.
/// </summary>
public sealed class BookDutyFlow(IdentityService identity, BookingService booking, DateTimeReader reader, AssistantClock clock, IOptions<BookingOptions> options, AccountAreas areas) : Flow
{
    public const string FlowId = "booking.book";

    /// <summary>The slots this flow keeps its state in: the chosen slot, and what the list offers (mode, from, to).</summary>
    private static class Slots
    {
        public const string Slot = "slot";
        public const string Mode = "mode";
        public const string From = "from";
        public const string To = "to";
        public const string Part = "part";
    }

    public override string Id => FlowId;

    public override string Title => BookingTexts.BookTitle;

    private int Count => options.Value.SuggestionCount;

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("start", StartAsync),
        Step.Choose(Slots.Slot, BookingTexts.ChooseHeading, (ctx, _) => Task.FromResult<IReadOnlyList<Choice>>(
            Offer(ctx).Select(s => new Choice(s.Slot.Key, BookingTexts.Label(clock, s)) { Start = s.Slot.Start, End = s.Slot.End }).ToList()),
            whenEmpty: BookingTexts.NoFreeSlots, footer: BookingTexts.ChooseFooter, otherwise: AnotherTime),
        Step.Do("check", CheckAsync),
        Step.Confirm("confirm", ctx => Chosen(ctx) is { } s ? BookingTexts.Confirm(clock, s) : BookingTexts.SlotGone),
        Step.Do("book", BookAsync),
    ];

    private async Task<StepResult> StartAsync(FlowContext ctx, CancellationToken ct)
    {
        // Before any list or question: a delegate at the limit could only be refused after confirming.
        if (await TheirBookingsAsync(ctx, ct) is not { } theirs) return StepResult.End();
        var utterance = ctx.Slot(FlowSlots.Utterance) ?? "";
        // A menu number ("4") is not a time.
        var window = Replies.Number(utterance) is null ? reader.ReadFirst(utterance) : null;
        ctx.Slots[Slots.Mode] = "next";
        if (window is not null)
        {
            var when = BookingTexts.Describe(clock, window);
            var past = window.IsPoint ? window.Start < ctx.Now : window.End <= ctx.Now;
            var tooFar = !past && window.Start >= booking.Horizon;
            var matches = past || tooFar ? [] : Within(window.Start, window.End, window.Part is not null, OwnCounties(ctx));
            var held = matches.Where(m => theirs.Any(b => m.Slot.Overlaps(b.Start, b.End))).ToList();
            var free = matches.Where(m => BookingService.OpenTo(m, theirs)).ToList();
            if (past) await ctx.SendAsync(BookingTexts.PastTime(when), ct);
            else if (tooFar) await ctx.SendAsync(BookingTexts.BeyondHorizon(when, options.Value.BookingHorizonDays), ct);
            else if (free.Count == 1)
            {
                ctx.Slots[Slots.Slot] = free[0].Slot.Key;
                return StepResult.GoTo("check");
            }
            else if (free.Count > 1) Remember(ctx, "window", window.Start, window.End, window.Part is not null);
            else if (held.Count > 0 && held.Count == matches.Count)
            {
                // Every slot then is theirs already, or clashes with one of theirs.
                var mine = theirs.First(b => held[0].Slot.Overlaps(b.Start, b.End));
                await ctx.SendAsync(BookingTexts.AlreadyBooked(clock, mine, booking.Slot(mine.StudioId, mine.Start)?.Studio) + BookingTexts.NearestHeading, ct);
                Remember(ctx, "near", window.Start, window.Start);
            }
            else if (matches.Count > 0)
            {
                await ctx.SendAsync(BookingTexts.SlotFull(when) + BookingTexts.NearestHeading, ct);
                Remember(ctx, "near", matches[0].Slot.Start, matches[0].Slot.Start);
            }
            else
            {
                await ctx.SendAsync(BookingTexts.NoSlotThen(when) + BookingTexts.NearestHeading, ct);
                Remember(ctx, "near", window.Start, window.Start);
            }
        }
        if (Offer(ctx).Count == 0)
        {
            await ctx.SendAsync(BookingTexts.NoFreeSlots, ct);
            return StepResult.End();
        }
        return StepResult.Next();
    }

    // The delegate's bookings still to come; null (and said why) when they are not a bound delegate or are at the limit.
    private async Task<IReadOnlyList<DutyBooking>?> TheirBookingsAsync(FlowContext ctx, CancellationToken ct)
    {
        var member = await identity.RequireAsync(ctx, RosterKind.Delegate, ct);
        if (member is null) return null;
        var theirs = booking.Upcoming(member.MemberId);
        if (!booking.AtLimit(theirs)) return theirs;
        await ctx.SendAsync(BookingTexts.TooMany(options.Value.MaxOpenBookings), ct);
        return null;
    }

    // The slot picked, against the delegate's bookings as they are now (another request may have booked meanwhile):
    // the limit and an overlap are said before the confirmation, not after it.
    private async Task<StepResult> CheckAsync(FlowContext ctx, CancellationToken ct)
    {
        if (await TheirBookingsAsync(ctx, ct) is not { } theirs) return StepResult.End();
        if (Chosen(ctx) is { } chosen && theirs.FirstOrDefault(b => chosen.Slot.Overlaps(b.Start, b.End)) is { } clash)
        {
            await ctx.SendAsync(BookingTexts.Overlap(clock, clash), ct);
            return StepResult.End();
        }
        return StepResult.Next();
    }

    // A time typed at the list that is none of its slots ("12月10日下午"): look for that time instead, as when the
    // request named it.
    private Task<StepResult?> AnotherTime(FlowContext ctx, string input, CancellationToken ct)
    {
        if (reader.ReadFirst(input) is null) return Task.FromResult<StepResult?>(null);
        ctx.Slots[FlowSlots.Utterance] = input;
        return Task.FromResult<StepResult?>(StepResult.GoTo("start"));
    }

    private async Task<StepResult> BookAsync(FlowContext ctx, CancellationToken ct)
    {
        var member = await identity.RequireAsync(ctx, RosterKind.Delegate, ct);
        if (member is null) return StepResult.End();
        if (!DutySlot.TryParseKey(ctx.Slot(Slots.Slot), out var studioId, out var start))
        {
            await ctx.SendAsync(BookingTexts.SlotGone, ct);
            return StepResult.End();
        }
        var who = new DelegateRef(member.MemberId, ctx.Turn.Activity.ChannelId ?? "", ctx.UserId);
        var outcome = booking.Book(who, studioId, start);
        switch (outcome.Status)
        {
            case BookStatus.Booked:
                var studio = booking.Slot(studioId, start)?.Studio;
                await ctx.SendAsync(BookingTexts.Booked(clock, outcome.Booking!, studio!), ct);
                return StepResult.End();
            case BookStatus.Full when outcome.Suggestions.Count > 0:
                await ctx.SendAsync(BookingTexts.FullNow(clock.Format(start)) + BookingTexts.NearestHeading, ct);
                ctx.Slots.Remove(Slots.Slot);
                Remember(ctx, "near", start, start);
                return StepResult.GoTo(Slots.Slot);
            case BookStatus.Full:
                await ctx.SendAsync(BookingTexts.FullNow(clock.Format(start)) + BookingTexts.NoFreeSlots, ct);
                return StepResult.End();
            case BookStatus.Overlap:
                await ctx.SendAsync(BookingTexts.Overlap(clock, outcome.Conflict!), ct);
                return StepResult.End();
            case BookStatus.TooMany:
                await ctx.SendAsync(BookingTexts.TooMany(options.Value.MaxOpenBookings), ct);
                return StepResult.End();
            case BookStatus.InPast:
                await ctx.SendAsync(BookingTexts.InPast, ct);
                return StepResult.End();
            case BookStatus.BeyondHorizon:
                await ctx.SendAsync(BookingTexts.BeyondHorizonNow(options.Value.BookingHorizonDays), ct);
                return StepResult.End();
            default:
                await ctx.SendAsync(BookingTexts.SlotGone, ct);
                return StepResult.End();
        }
    }

    private SlotAvailability? Chosen(FlowContext ctx) =>
        DutySlot.TryParseKey(ctx.Slot(Slots.Slot), out var studioId, out var start) ? booking.Slot(studioId, start) : null;

    // What the numbered list offers: the free slots inside the time asked for (those starting in it for a part of
    // the day), the nearest ones to it, or the next ones; never one the delegate holds or that overlaps theirs.
    private IReadOnlyList<SlotAvailability> Offer(FlowContext ctx)
    {
        var member = identity.FindByOpenId(RosterKind.Delegate, ctx.UserId);
        IReadOnlyList<DutyBooking> theirs = member is null ? [] : booking.Upcoming(member.MemberId);
        var counties = OwnCounties(ctx);
        return ctx.Slot(Slots.Mode) switch
        {
            "window" => Within(Instant(ctx, Slots.From), Instant(ctx, Slots.To), ctx.Slot(Slots.Part) == "1", counties).Where(s => BookingService.OpenTo(s, theirs)).Take(Count).ToList(),
            "near" => booking.NearestFree(Instant(ctx, Slots.From), Count, theirs: theirs, counties: counties),
            _ => booking.NextFree(Count, theirs: theirs, counties: counties),
        };
    }

    // The studios of the Official Account the delegate wrote to, when it names its counties (null: every studio).
    private IReadOnlySet<string>? OwnCounties(FlowContext ctx) => areas.OwnCounties(ctx.Turn.Activity.ChannelId);

    // 「12月2日下午」 means the slots starting that afternoon; a range or a moment, the slots it touches.
    private IReadOnlyList<SlotAvailability> Within(DateTimeOffset from, DateTimeOffset to, bool partOfDay, IReadOnlySet<string>? counties) =>
        partOfDay ? booking.SlotsStartingBetween(from, to, counties: counties) : booking.SlotsBetween(from, to, counties: counties);

    private static void Remember(FlowContext ctx, string mode, DateTimeOffset from, DateTimeOffset to, bool partOfDay = false)
    {
        ctx.Slots[Slots.Mode] = mode;
        ctx.Slots[Slots.Part] = partOfDay ? "1" : "0";
        ctx.Slots[Slots.From] = from.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        ctx.Slots[Slots.To] = to.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset Instant(FlowContext ctx, string slot) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(ctx.Slot(slot) ?? "0", CultureInfo.InvariantCulture));
}
