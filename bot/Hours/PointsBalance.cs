namespace ChatAssistant.Hours;

/// <summary>A volunteer's 爱心存折 points: earned from hours, spent on orders, available now.</summary>
public sealed record PointsBalance(decimal Earned, decimal Spent)
{
    public decimal Available => Earned - Spent;
}
