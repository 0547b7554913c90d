namespace ChatAssistant.Hours;

/// <summary>The volunteer's words and where they point, as the chat files them.</summary>
public sealed record NewCorrection(string VolunteerId, string ChannelId, string UserId, HourRecord? Record, string? Date, string Text)
{
    // A record prints every member: never the volunteer's words, should one reach a log.
    public override string ToString() => $"NewCorrection {{ Record = {Record?.RecordId ?? "missing"}, Date = {Date} }}";
}
