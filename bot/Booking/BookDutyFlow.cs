using System.Globalization;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Identity;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking;

/// <summary>
/// 预约值班: reads a time from the message ("我想下周三下午去值班"); one matching free slot → confirm → booked;
/// otherwise the next (or nearest) free slots as a numbered list.
/// </summary>
public sealed class BookDutyFlow(IdentityService identity, BookingService booking, DateTimeReader reader, AssistantClock clock, IOptions<BookingOptions> options) : Flow
{
    public const string FlowId = "booking.book";

    /// <summary>The slots this flow keeps its state in: the chosen slot, and what the list offers (mode, from, to).</summary>
    private static class Slots
    {
        public const string Slot = "slot";
        public const string Mode = "mode";
        public const string From = "from";
        public const string To = "to";
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
        Step.Confirm("confirm", ctx => Chosen(ctx) is { } s ? BookingTexts.Confirm(clock, s) : BookingTexts.SlotGone),
        Step.Do("book", BookAsync),
    ];

    private async Task<StepResult> StartAsync(FlowContext ctx, CancellationToken ct)
    {
        if (await identity.RequireAsync(ctx, RosterKind.Delegate, ct) is null) return StepResult.End();
        var utterance = ctx.Slot(FlowSlots.Utterance) ?? "";
        // A menu number ("4") is not a time.
        var window = Replies.Number(utterance) is null ? reader.ReadFirst(utterance) : null;
        ctx.Slots[Slots.Mode] = "next";
        if (window is not null)
        {
            var when = BookingTexts.Describe(clock, window);
            var past = window.IsPoint ? window.Start < ctx.Now : window.End <= ctx.Now;
            var tooFar = !past && window.Start >= booking.Horizon;
            var matches = past || tooFar ? [] : booking.SlotsBetween(window.Start, window.End);
            var free = matches.Where(m => m.Free > 0).ToList();
            if (past) await ctx.SendAsync(BookingTexts.PastTime(when), ct);
            else if (tooFar) await ctx.SendAsync(BookingTexts.BeyondHorizon(when, options.Value.BookingHorizonDays), ct);
            else if (free.Count == 1)
            {
                ctx.Slots[Slots.Slot] = free[0].Slot.Key;
                return StepResult.GoTo("confirm");
            }
            else if (free.Count > 1) Remember(ctx, "window", window.Start, window.End);
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

    // What the numbered list offers: the free slots inside the time asked for, the nearest ones to it, or the next ones.
    private IReadOnlyList<SlotAvailability> Offer(FlowContext ctx) => ctx.Slot(Slots.Mode) switch
    {
        "window" => booking.SlotsBetween(Instant(ctx, Slots.From), Instant(ctx, Slots.To)).Where(s => s.Free > 0).Take(Count).ToList(),
        "near" => booking.NearestFree(Instant(ctx, Slots.From), Count),
        _ => booking.NextFree(Count),
    };

    private static void Remember(FlowContext ctx, string mode, DateTimeOffset from, DateTimeOffset to)
    {
        ctx.Slots[Slots.Mode] = mode;
        ctx.Slots[Slots.From] = from.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        ctx.Slots[Slots.To] = to.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset Instant(FlowContext ctx, string slot) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(ctx.Slot(slot) ?? "0", CultureInfo.InvariantCulture));
}
