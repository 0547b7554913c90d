namespace ChatAssistant.Hours;

/// <summary>An exchange of 爱心存折 points for one catalogue item.</summary>
public sealed class RedemptionOrder
{
    public int Id { get; set; }

    /// <summary>What the volunteer quotes at the counter, e.g. "DH2611260007".</summary>
    public string OrderNo { get; set; } = "";

    public string VolunteerId { get; set; } = "";

    public string ItemId { get; set; } = "";

    public string ItemName { get; set; } = "";

    public decimal Points { get; set; }

    public OrderStatus Status { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Staff member who fulfilled or cancelled it.</summary>
    public string? ClosedBy { get; set; }

    public string? CancelReason { get; set; }
}
