using LiteDB;

namespace ChatAssistant.Booking;

/// <summary>
/// Builds LiteDB's mappers of the booking records once, on one thread, before any store uses them.
/// LiteDB 5.0.21 publishes a type's mapper in <c>BsonMapper.Global</c> before filling in its members, so two
/// threads touching a type for the first time can fail with "Member … not found on BsonMapper" (seen in
/// parallel tests). Every booking store calls <see cref="Warm"/> in its constructor.
/// </summary>
internal static class BookingMappings
{
    private static readonly Lazy<bool> Built = new(() =>
    {
        var mapper = BsonMapper.Global;
        mapper.ToDocument(new DutyBooking { CheckedInAt = DateTimeOffset.UnixEpoch, CancelledAt = DateTimeOffset.UnixEpoch });
        mapper.ToDocument(new DutyReminder { ClaimedAt = DateTimeOffset.UnixEpoch, DoneAt = DateTimeOffset.UnixEpoch, Error = "" });
        mapper.ToDocument(new Studio
        {
            Openings = [new WeeklyOpening { Start = "09:00", End = "11:00" }],
            Closures = [new Closure { From = "2026-01-01", To = "2026-01-01", Reason = "" }],
        });
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Warm() => _ = Built.Value;
}
