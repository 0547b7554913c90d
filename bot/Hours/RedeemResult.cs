namespace ChatAssistant.Hours;

/// <summary>A redemption's outcome and the balance after it (or the balance that was too small).</summary>
public sealed record RedeemResult(RedeemStatus Status, RedemptionOrder? Order, PointsBalance Balance);
