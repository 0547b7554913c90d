using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Identity;
using ChatAssistant.Knowledge;
using ChatAssistant.Security;
using ChatAssistant.Storage;

namespace ChatAssistant.Hours.Chat;

/// <summary>
/// 「我的时长不对」: a bound volunteer's records of the date they named (or their latest ones) → which one is wrong, or an
/// activity missing from them → their words (the message itself when it says enough: 「图书馆那次应该是4小时不是3小时」)
/// → confirm → a correction request staff see in the hours review queue. An unbound user is told how to bind and gets
/// the guide's answer about missing hours. The words stay encrypted in the session (bound to the user) until filed.
/// </summary>
public sealed class HoursCorrectionFlow(
    IVolunteerDirectory volunteers,
    IHoursStore store,
    HoursCorrections corrections,
    DateTimeReader dates,
    AssistantClock clock,
    GuideLibrary guides,
    FieldCipher cipher) : Flow
{
    public const string FlowId = "hours.correction";

    /// <summary>The guide's entry about hours that did not arrive or are wrong.</summary>
    public const string GuideEntryId = "hours-missing";

    private const string Missing = "missing";
    private const string Sep = "\u001f";

    // A message this long says what is wrong by itself; a shorter one (「时长不对」) only asks to start.
    private const int SaysEnough = 8;

    /// <summary>The slots this flow keeps its state in (the words and the record named after the steps that ask for them).</summary>
    private static class Slots
    {
        public const string Volunteer = "volunteer";
        public const string Date = "date";
        public const string OnDay = "onDay";
        public const string Records = "records";
        public const string Words = "words";
        public const string Record = "record";
    }

    public override string Id => FlowId;

    public override string Title => HoursCorrectionTexts.Title;

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("start", async (ctx, ct) =>
        {
            var utterance = ctx.Slot(FlowSlots.Utterance) ?? "";
            ctx.Slots.Remove(FlowSlots.Utterance);
            var volunteerId = volunteers.VolunteerIdFor(ctx.UserId);
            if (volunteerId is null)
            {
                await ctx.SendAsync(IdentityTexts.NotBound(RosterKind.Volunteer), ct);
                if (guides.For(ctx.Turn.Activity.ChannelId).Find(GuideEntryId) is { } entry) await ctx.SendAsync(entry.Answer, ct);
                return StepResult.End();
            }
            ctx.Slots[Slots.Volunteer] = volunteerId;
            var day = PastDay(utterance);
            var records = store.RecordsOf(volunteerId);
            var onDay = day is null ? [] : records.Where(r => r.Day == day).OrderBy(r => r.StartMinute).ToList();
            var shown = onDay.Count > 0 ? onDay
                : records.OrderByDescending(r => r.Date, StringComparer.Ordinal).ThenByDescending(r => r.StartMinute).Take(5).ToList();
            if (day is { } d) ctx.Slots[Slots.Date] = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (onDay.Count > 0) ctx.Slots[Slots.OnDay] = "yes";
            ctx.Slots[Slots.Records] = string.Join(Sep, shown.Select(r => r.Key));
            if (Conversation.Routing.IntentRouter.Compact(utterance).Length >= SaysEnough) ctx.Slots[Slots.Words] = cipher.Protect(utterance.Trim(), Draft(ctx));
            return StepResult.Next();
        }),
        ChooseRecord(),
        Step.Do("wordsCheck", (ctx, _) => Task.FromResult(ctx.Slot(Slots.Words) is null ? StepResult.Next() : StepResult.GoTo("confirm"))),
        Step.Ask(Slots.Words, _ => HoursCorrectionTexts.AskWords, (ctx, input) =>
        {
            var text = input.Trim();
            if (text.Length < 5) return Validation.Reject(HoursCorrectionTexts.WordsTooShort);
            if (text.Length > 300) return Validation.Reject(HoursCorrectionTexts.WordsTooLong(text.Length));
            return Validation.Accept(cipher.Protect(text, Draft(ctx)));
        }),
        Step.Confirm("confirm", ctx => HoursCorrectionTexts.Confirm(What(ctx), Words(ctx)), HoursCorrectionTexts.NotFiled),
        Step.Do("file", async (ctx, ct) =>
        {
            var volunteerId = ctx.Slot(Slots.Volunteer)!;
            var before = corrections.OpenOf(volunteerId).Count;
            var filed = corrections.File(new NewCorrection(volunteerId, ctx.Turn.Activity.ChannelId ?? "", ctx.UserId, Chosen(ctx), ctx.Slot(Slots.Date), Words(ctx)));
            await ctx.SendAsync(HoursCorrectionTexts.Filed(filed.Number) + (before > 0 ? HoursCorrectionTexts.AlreadyOpen(before) : ""), ct);
            return StepResult.End();
        }),
    ];

    // Not Step.Choose: the list is the volunteer's statement of that day (or their latest records), with the date in
    // its heading and a last option for an activity the records do not have.
    private FlowStep ChooseRecord() => new()
    {
        Name = "record",
        Prompt = (ctx, ct) =>
        {
            var shown = Shown(ctx);
            var year = clock.Today.Year;
            var day = ctx.Slot(Slots.Date) is { } iso ? HoursTexts.Day(iso, year) : null;
            var lines = new List<string>();
            if (day is not null && ctx.Slot(Slots.OnDay) is null) lines.Add(HoursCorrectionTexts.NoneOn(day));
            if (shown.Count == 0) lines.Add(HoursCorrectionTexts.NoRecordsYet);
            else lines.Add(ctx.Slot(Slots.OnDay) is null ? HoursCorrectionTexts.RecentHeading : HoursCorrectionTexts.RecordsOn(day!));
            lines.AddRange(shown.Select((r, i) => HoursCorrectionTexts.RecordLine(i + 1, HoursTexts.RecordLine(r, year))));
            lines.Add(HoursCorrectionTexts.RecordLine(shown.Count + 1, HoursCorrectionTexts.MissingOption));
            lines.Add(shown.Count == 0 ? HoursCorrectionTexts.OnlyMissing : HoursCorrectionTexts.WhichRecord);
            return ctx.SendAsync(string.Join('\n', lines), ct);
        },
        Handle = (ctx, input, _) =>
        {
            var keys = Keys(ctx);
            var n = Replies.Number(input);
            string? chosen = n is >= 1 && n <= keys.Length ? keys[n.Value - 1]
                : n == keys.Length + 1 || (n is null && Replies.Normalize(input) is var text && (text.Contains("补录", StringComparison.Ordinal) || text.Contains("没有", StringComparison.Ordinal))) ? Missing
                : null;
            if (chosen is null) return Task.FromResult(StepResult.Retry(FlowTexts.PickANumber(keys.Length + 1)));
            ctx.Slots[Slots.Record] = chosen;
            return Task.FromResult(StepResult.Next());
        },
    };

    private static string[] Keys(FlowContext ctx) => (ctx.Slot(Slots.Records) ?? "").Split(Sep, StringSplitOptions.RemoveEmptyEntries);

    private List<HourRecord> Shown(FlowContext ctx) =>
        Keys(ctx).Select(store.FindRecord).OfType<HourRecord>().ToList();

    private HourRecord? Chosen(FlowContext ctx) =>
        ctx.Slot(Slots.Record) is { } key && key != Missing ? store.FindRecord(key) : null;

    private string What(FlowContext ctx)
    {
        var year = clock.Today.Year;
        return Chosen(ctx) is { } record
            ? HoursTexts.RecordLine(record, year)
            : HoursCorrectionTexts.MissingOn(ctx.Slot(Slots.Date) is { } iso ? HoursTexts.Day(iso, year) : null);
    }

    // Decrypted for this turn only, never put back in a slot.
    private string Words(FlowContext ctx) => cipher.Unprotect(ctx.Slot(Slots.Words)!, Draft(ctx));

    private static FieldBinding Draft(FlowContext ctx) => HoursCorrection.Draft(ctx.Turn.Activity.ChannelId ?? "", ctx.UserId);

    /// <summary>
    /// The day <paramref name="text"/> names, in the past: hours are for activities already done, and the reader takes
    /// an ambiguous 「11月28号」 for the next one (today 11月26日: last year's unless the year was written).
    /// </summary>
    private DateOnly? PastDay(string text)
    {
        if (dates.ReadFirst(text) is not { } window) return null;
        var day = DateOnly.FromDateTime(window.Start.DateTime);
        var today = clock.Today;
        if (!text.Contains('年', StringComparison.Ordinal))
            while (day > today) day = day.AddYears(-1);
        return day;
    }
}
