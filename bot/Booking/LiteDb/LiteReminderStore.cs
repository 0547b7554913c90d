using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Booking.LiteDb;

/// <summary>
/// The reminder schedule in LiteDB. A reminder is claimed (Pending → Sending) by one conditional update before it
/// is sent, so it goes out at most once; a claim left by a crash is marked failed rather than sent again.
/// </summary>
public sealed class LiteReminderStore : IReminderStore
{
    public const string Collection = "duty_reminders";

    private readonly ILiteCollection<DutyReminder> _reminders;

    public LiteReminderStore(ILiteDatabase db)
    {
        _reminders = db.GetCollection<DutyReminder>(Collection);
        _reminders.EnsureIndex(r => r.State);
    }

    /// <summary>Schedules the reminder of a booking; false when it already has one.</summary>
    public bool Schedule(int bookingId, DateTimeOffset dueAt)
    {
        try
        {
            _reminders.Insert(new DutyReminder { Id = bookingId, DueAt = dueAt });
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public DutyReminder? Find(int bookingId) => _reminders.FindById(bookingId);

    public bool Exists(int bookingId) => _reminders.FindById(bookingId) is not null;

    /// <summary>Pending reminders due at <paramref name="now"/>, earliest first.</summary>
    public IReadOnlyList<DutyReminder> Due(DateTimeOffset now) =>
        _reminders.FindWhere(LiteQuery.Is(nameof(DutyReminder.State), LiteQuery.Name(ReminderState.Pending))).Where(r => r.DueAt <= now).OrderBy(r => r.DueAt).ToList();

    public IReadOnlyList<DutyReminder> InState(ReminderState state) =>
        _reminders.FindWhere(LiteQuery.Is(nameof(DutyReminder.State), LiteQuery.Name(state))).OrderBy(r => r.DueAt).ToList();

    /// <summary>
    /// Claims left in Sending by a crash: the message may or may not have reached the user, so they are marked
    /// failed (staff can see them) instead of being sent a second time.
    /// </summary>
    public int FailInterrupted(DateTimeOffset now)
    {
        var stuck = InState(ReminderState.Sending);
        foreach (var r in stuck)
            ((IReminderStore)this).MarkFailed(r.Id, now, "interrupted: the server stopped while sending; not resent to avoid a duplicate");
        return stuck.Count;
    }

    // UPDATE … SET { … } WHERE _id = @id AND State = @from: LiteDB merges the fields into the row in one write,
    // so of two callers only one sees the row still in the "from" state.
    public bool Transition(int bookingId, ReminderState from, ReminderState to, DateTimeOffset now, string? error, bool claim)
    {
        var stamp = claim ? "ClaimedAt" : "DoneAt";
        var transform = error is null
            ? BsonExpression.Create($"{{ State: @0, {stamp}: @1 }}", to.ToString(), now.UtcDateTime)
            : BsonExpression.Create($"{{ State: @0, {stamp}: @1, Error: @2 }}", to.ToString(), now.UtcDateTime, error);
        var predicate = BsonExpression.Create("_id = @0 AND State = @1", bookingId, from.ToString());
        return _reminders.UpdateMany(transform, predicate) == 1;
    }
}
