using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Disputes;

/// <summary>
/// The county question of a help request: the configured counties under their cities, numbered through, 其他地区 last.
/// The answer is a number, a name or a short name (「天台」, 「我在天台」). The labels shown are kept with the frame so a
/// number means what the user saw. The slot holds the county; for 其他地区 it holds "" — no county is known, which is
/// how the hand-off reads it too (its default scope) — and the ticket is filed under 其他地区.
/// </summary>
internal static class CountyStep
{
    public const string Slot = "county";
    private const string Shown = "__options:county";

    public static FlowStep Ask(AccountAreas accounts, Func<FlowContext, string> heading) => new()
    {
        Name = Slot,
        Prompt = (ctx, ct) =>
        {
            var areas = accounts.For(ctx.Turn.Activity.ChannelId);
            ctx.Slots[Shown] = string.Join('\u001f', areas.Options.Select(o => o.Label));
            return ctx.SendAsync(DisputeTexts.CountyList(heading(ctx), areas.Groups, areas.OtherArea), ct);
        },
        Handle = (ctx, input, _) =>
        {
            var areas = accounts.For(ctx.Turn.Activity.ChannelId);
            var labels = (ctx.Slot(Shown) ?? "").Split('\u001f', StringSplitOptions.RemoveEmptyEntries);
            if (labels.Length == 0) labels = areas.Options.Select(o => o.Label).ToArray(); // a frame of an earlier version
            var n = Replies.Number(input);
            var chosen = n is >= 1 && n <= labels.Length
                ? areas.ByLabel(labels[n.Value - 1]) ?? new CountyOption(labels[n.Value - 1], null, [])
                : areas.Find(input ?? "", labels);
            if (chosen is null) return Task.FromResult(StepResult.Retry(DisputeTexts.CountyNotFound));
            ctx.Slots[Slot] = chosen.Unassigned || CountyDirectory.IsUnassigned(chosen.Label) ? "" : chosen.Label;
            ctx.Slots.Remove(Shown);
            return Task.FromResult(StepResult.Next());
        },
    };

    /// <summary>The county to file under: the one chosen, or 其他地区.</summary>
    public static string Of(FlowContext ctx) => ctx.Slot(Slot) is { Length: > 0 } county ? county : DisputeTexts.OtherArea;

    /// <summary>The county chosen in <paramref name="frame"/> (a flow that asked this question), or null: none yet, or 其他地区.</summary>
    public static string? ChosenIn(FlowFrame frame) =>
        frame.Slots.TryGetValue(Slot, out var county) && !string.IsNullOrWhiteSpace(county) ? county.Trim() : null;
}
