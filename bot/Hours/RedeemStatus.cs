namespace ChatAssistant.Hours;

/// <summary>How a redemption went.</summary>
public enum RedeemStatus
{
    Placed,
    InsufficientPoints,
    UnknownItem,

    /// <summary>The item's price is no longer the one the volunteer confirmed; nothing was charged.</summary>
    PriceChanged,

    /// <summary>The WeChat user is no longer bound to this volunteer (staff unbound them meanwhile); nothing was charged.</summary>
    NotBound,
}
