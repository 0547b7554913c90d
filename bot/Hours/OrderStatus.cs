namespace ChatAssistant.Hours;

/// <summary>Where a redemption order stands.</summary>
public enum OrderStatus
{
    /// <summary>Points reserved; waiting to be picked up.</summary>
    Placed,

    /// <summary>Handed over at the 爱心超市.</summary>
    Fulfilled,

    /// <summary>Cancelled by staff; the points were returned.</summary>
    Cancelled,
}
