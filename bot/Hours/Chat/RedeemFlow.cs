using System.Globalization;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Identity;

namespace ChatAssistant.Hours.Chat;

/// <summary>兑换: the 爱心超市 catalogue by point tier → choose by number → confirm → order number and pickup.</summary>
public sealed class RedeemFlow(IVolunteerDirectory volunteers, HoursLedger ledger, CatalogueLibrary catalogues, RedemptionService redemptions) : Flow
{
    public const string FlowId = "hours.redeem";

    /// <summary>The slots this flow keeps its answers in (the item named after the step that asks for it).</summary>
    private static class Slots
    {
        public const string Volunteer = "volunteer";
        public const string Item = "item";

        /// <summary>The items the list showed, so a number means what the user saw.</summary>
        public const string Items = "__items";

        /// <summary>The price the confirmation showed: a price changed since is shown again before anything is spent.</summary>
        public const string Confirmed = "__points";
    }

    public override string Id => FlowId;

    public override string Title => "积分兑换";

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("start", async (ctx, ct) =>
        {
            var volunteerId = volunteers.VolunteerIdFor(ctx.UserId);
            if (volunteerId is null)
            {
                await ctx.SendAsync(IdentityTexts.NotBound(RosterKind.Volunteer), ct);
                return StepResult.End();
            }
            var items = CatalogueFor(ctx).Current.Items;
            if (items.Count == 0)
            {
                await ctx.SendAsync(HoursTexts.CatalogueUnavailable, ct);
                return StepResult.End();
            }
            var available = ledger.Points(volunteerId).Available;
            var cheapest = items.Min(i => i.Points);
            if (available < cheapest)
            {
                await ctx.SendAsync(HoursTexts.NotEnoughForAny(available, cheapest), ct);
                return StepResult.End();
            }
            ctx.Slots[Slots.Volunteer] = volunteerId;
            return StepResult.Next();
        }),
        ChooseItem(),
        Step.Confirm("confirm", Confirmation),
        Step.Do("redeem", async (ctx, ct) =>
        {
            var confirmed = int.Parse(ctx.Slot(Slots.Confirmed) ?? "-1", CultureInfo.InvariantCulture);
            // The binding is checked again with the order (under the volunteer's lock): staff may have unbound this
            // account since the flow began, and whoever holds it now must not spend that volunteer's points.
            var result = redemptions.Redeem(ctx.Slot(Slots.Volunteer)!, ctx.Slot(Slots.Item)!, confirmed, ctx.UserId, ctx.Turn.Activity.ChannelId);
            if (result.Status == RedeemStatus.PriceChanged) return StepResult.GoTo("confirm"); // ask again at the new price
            await ctx.SendAsync(result.Status switch
            {
                RedeemStatus.Placed => HoursTexts.Redeemed(result.Order!, CatalogueFor(ctx).Current.Pickup, result.Balance.Available),
                RedeemStatus.InsufficientPoints => HoursTexts.RedeemRefused(result.Balance.Available),
                RedeemStatus.NotBound => HoursTexts.RedeemNotBound,
                _ => HoursTexts.ItemGone,
            }, ct);
            return StepResult.End();
        }),
    ];

    private decimal Available(FlowContext ctx) => ledger.Points(ctx.Slot(Slots.Volunteer)!).Available;

    // The price shown is kept in a slot and is the price charged: if staff change it before the "是", the
    // redemption is refused and this asks again, saying what changed.
    private string Confirmation(FlowContext ctx)
    {
        if (CatalogueFor(ctx).Current.Find(ctx.Slot(Slots.Item)!) is not { } item) return HoursTexts.ItemGone;
        var shown = ctx.Slot(Slots.Confirmed);
        ctx.Slots[Slots.Confirmed] = item.Points.ToString(CultureInfo.InvariantCulture);
        var question = HoursTexts.ConfirmRedeem(item, Available(ctx));
        return shown is null || shown == ctx.Slots[Slots.Confirmed]
            ? question
            : HoursTexts.PriceChanged(item.Name, decimal.Parse(shown, CultureInfo.InvariantCulture), item.Points) + "\n" + question;
    }

    // Not Step.Choose: the list is grouped under tier headings, what the volunteer can afford first, and an item they
    // cannot afford gets its own answer (with the ones they can) rather than "pick a number".
    private FlowStep ChooseItem() => new()
    {
        Name = "item",
        Prompt = async (ctx, ct) =>
        {
            var available = Available(ctx);
            var lines = new List<string> { HoursTexts.CatalogueHeading(available) };
            var ids = new List<string>();
            var items = CatalogueFor(ctx).Current.Items;
            foreach (var (heading, part) in new[] { (HoursTexts.AffordableHeading, items.Where(i => i.Points <= available)), (HoursTexts.LaterHeading, items.Where(i => i.Points > available)) })
            {
                var tiers = part.GroupBy(i => i.Points).OrderBy(g => g.Key).ToList();
                if (tiers.Count == 0) continue;
                lines.Add(heading);
                foreach (var tier in tiers)
                {
                    lines.Add(HoursTexts.Tier(tier.Key));
                    foreach (var item in tier)
                    {
                        ids.Add(item.Id);
                        lines.Add(HoursTexts.ItemLine(ids.Count, item));
                    }
                }
            }
            lines.Add(HoursTexts.CatalogueFooter);
            ctx.Slots[Slots.Items] = string.Join('\u001f', ids);
            await ctx.SendAsync(string.Join('\n', lines), ct);
        },
        Handle = async (ctx, input, ct) =>
        {
            var ids = (ctx.Slot(Slots.Items) ?? "").Split('\u001f', StringSplitOptions.RemoveEmptyEntries);
            var n = Replies.Number(input);
            if (n is null || n < 1 || n > ids.Length) return StepResult.Retry(FlowTexts.PickANumber(ids.Length));
            var item = CatalogueFor(ctx).Current.Find(ids[n.Value - 1]);
            if (item is null)
            {
                await ctx.SendAsync(HoursTexts.ItemGone, ct);
                return StepResult.End();
            }
            var available = Available(ctx);
            if (item.Points > available)
            {
                // Said and answered with what the points do cover (their numbers in the list shown): no failed attempt.
                var affordable = ids.Select((id, i) => (Number: i + 1, Item: CatalogueFor(ctx).Current.Find(id)))
                    .Where(x => x.Item is not null && x.Item.Points <= available).Select(x => (x.Number, x.Item!)).ToList();
                await ctx.SendAsync(HoursTexts.InsufficientFor(item, available, affordable), ct);
                return StepResult.Wait();
            }
            ctx.Slots[Slots.Item] = item.Id;
            ctx.Slots.Remove(Slots.Items);
            ctx.Slots.Remove(Slots.Confirmed);
            return StepResult.Next();
        },
    };

    // The catalogue of the account the volunteer wrote to (its own file, or the shared one).
    private CatalogueProvider CatalogueFor(FlowContext ctx) => catalogues.For(ctx.Turn.Activity.ChannelId);
}
