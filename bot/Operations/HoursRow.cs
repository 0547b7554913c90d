namespace ChatAssistant.Operations;

/// <summary>A county's volunteer hours imported (counted ones) and 爱心存折 points redeemed in the period.</summary>
public sealed record HoursRow(string County, decimal HoursImported, decimal PointsRedeemed);
