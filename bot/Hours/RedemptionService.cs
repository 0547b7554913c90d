using ChatAssistant.Staff;
using ChatAssistant.Audit;
using ChatAssistant.Storage;
using ChatAssistant.Conversation.Time;

namespace ChatAssistant.Hours;

/// <summary>
/// Exchanges points for catalogue items and lets staff fulfil or cancel the orders. Points are reserved
/// atomically: per volunteer, "read the balance, insert the order and its ledger entry" runs in one transaction
/// exclusive to that volunteer on every instance (<see cref="IHoursStore.Exclusively{T}"/>), with no await inside,
/// so concurrent redemptions cannot overspend; the ledger's unique keys guard against replays.
/// </summary>
public sealed class RedemptionService(IHoursStore store, AuditLog audit, CatalogueLibrary catalogues, IVolunteerDirectory volunteers, AssistantClock clock, ILogger<RedemptionService> log)
{

    /// <summary>
    /// Places an order for one <paramref name="itemId"/> if the volunteer's available points cover it and, when
    /// <paramref name="confirmedPoints"/> is given, the item still costs what the volunteer confirmed (staff may
    /// edit the catalogue between the question and the "是"). With <paramref name="openId"/> (the chat), that WeChat
    /// user must still be bound to the volunteer: staff may have unbound them between the question and the "是".
    /// The item is looked up in the catalogue of <paramref name="channelId"/>'s account (null: the shared one).
    /// </summary>
    public RedeemResult Redeem(string volunteerId, string itemId, int? confirmedPoints = null, string? openId = null, string? channelId = null)
    {
        var item = catalogues.For(channelId).Current.Find(itemId);
        var result = store.Exclusively(VolunteerLock(volunteerId), () =>
        {
            var balance = HoursLedger.PointsOf(store.LedgerOf(volunteerId));
            if (openId is not null && volunteers.VolunteerIdFor(openId) != volunteerId)
            {
                log.LogInformation("Redemption refused: the chat user is no longer bound to the volunteer");
                return new RedeemResult(RedeemStatus.NotBound, null, balance);
            }
            if (item is null) return new RedeemResult(RedeemStatus.UnknownItem, null, balance);
            if (confirmedPoints is { } confirmed && confirmed != item.Points) return new RedeemResult(RedeemStatus.PriceChanged, null, balance);
            if (balance.Available < item.Points) return new RedeemResult(RedeemStatus.InsufficientPoints, null, balance);

            var now = clock.Now;
            var order = new RedemptionOrder
            {
                VolunteerId = volunteerId,
                ItemId = item.Id,
                ItemName = item.Name,
                Points = item.Points,
                Status = OrderStatus.Placed,
                PlacedAt = now,
            };
            // Orders, then ledger, then audit: the order every hours transaction writes in (IHoursStore).
            store.AddOrder(order);
            order.OrderNo = $"DH{now:yyMMdd}{order.Id:D4}";
            store.UpdateOrder(order);
            store.AddEntry(new LedgerEntry
            {
                Key = LedgerEntry.OrderKey(order.OrderNo),
                VolunteerId = volunteerId,
                Kind = LedgerKind.Redemption,
                Points = -item.Points,
                Ref = order.OrderNo,
                At = now,
                By = "wechat",
            });
            audit.Decision("wechat", "redeem", HoursAudit.OrderSubject(order.OrderNo), volunteerId, item.Id);
            return new RedeemResult(RedeemStatus.Placed, order, balance with { Spent = balance.Spent + item.Points });
        });
        if (result.Status == RedeemStatus.Placed)
        {
            log.LogInformation("Order {OrderNo} placed for {Points} points", result.Order!.OrderNo, result.Order.Points);
            ChatAssistant.Adapters.Telemetry.AssistantTelemetry.Redemption();
        }
        return result;
    }

    /// <summary>Orders the caller may see, newest first, optionally of one status.</summary>
    public IReadOnlyList<RedemptionOrder> Orders(StaffScope scope, OrderStatus? status) =>
        store.Orders(status).Where(o => volunteers.InScope(o.VolunteerId, scope)).ToList();

    /// <summary>Marks an order as handed over.</summary>
    public Decision Fulfil(string orderNo, string who, StaffScope scope) => Close(orderNo, who, "已领取", scope, OrderStatus.Fulfilled);

    /// <summary>Cancels an order; a reversing ledger entry returns its points.</summary>
    public Decision Cancel(string orderNo, string who, string? reason, StaffScope scope) =>
        string.IsNullOrWhiteSpace(reason)
            ? new Decision(DecisionOutcome.ReasonRequired, HoursTexts.StaffReasonRequired)
            : Close(orderNo, who, reason.Trim(), scope, OrderStatus.Cancelled);

    private Decision Close(string orderNo, string who, string reason, StaffScope scope, OrderStatus to)
    {
        var found = store.FindOrder(orderNo);
        if (found is null || !volunteers.InScope(found.VolunteerId, scope)) return new Decision(DecisionOutcome.NotFound, HoursTexts.StaffOrderNotFound(orderNo));
        var decision = store.Exclusively(VolunteerLock(found.VolunteerId), () =>
        {
            var order = store.FindOrder(orderNo)!;
            if (order.Status != OrderStatus.Placed) return new Decision(DecisionOutcome.Conflict, HoursTexts.StaffOrderClosed(order.Status));
            var now = clock.Now;
            // Orders before the ledger (IHoursStore): Redeem writes them in that order too.
            order.Status = to;
            order.ClosedAt = now;
            order.ClosedBy = who;
            if (to == OrderStatus.Cancelled) order.CancelReason = reason;
            store.UpdateOrder(order);
            if (to == OrderStatus.Cancelled)
            {
                store.AddEntry(new LedgerEntry
                {
                    Key = LedgerEntry.ReturnKey(order.OrderNo),
                    VolunteerId = order.VolunteerId,
                    Kind = LedgerKind.RedemptionReturn,
                    Points = order.Points,
                    Ref = order.OrderNo,
                    At = now,
                    By = who,
                });
            }
            audit.Decision(who, to == OrderStatus.Cancelled ? "cancel" : "fulfil", HoursAudit.OrderSubject(order.OrderNo), order.VolunteerId, reason);
            return new Decision(DecisionOutcome.Done);
        });
        if (decision.Outcome == DecisionOutcome.Done) log.LogInformation("Order {OrderNo} {Status} by staff", orderNo, to);
        return decision;
    }

    // A volunteer's points change one order at a time, on every instance.
    private static string VolunteerLock(string volunteerId) => "volunteer:" + volunteerId;
}
