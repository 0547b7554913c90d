namespace ChatAssistant.Hours;

/// <summary>Where and how volunteers pick up what they redeemed.</summary>
public sealed record PickupInfo(string Place, string Address, string OpeningHours, string Instructions);
