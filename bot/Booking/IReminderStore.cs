namespace ChatAssistant.Booking;

/// <summary>
/// The reminder schedule (LiteDB: <see cref="LiteDb.LiteReminderStore"/>; PostgreSQL:
/// <see cref="Postgres.PostgresReminderStore"/>). A reminder is claimed (Pending → Sending) by one conditional update
/// before it is sent, so it goes out at most once even when several instances send at once; a claim left by a crash is
/// marked failed rather than sent again.
/// </summary>
public interface IReminderStore
{
    /// <summary>Schedules the reminder of a booking; false when it already has one.</summary>
    bool Schedule(int bookingId, DateTimeOffset dueAt);

    DutyReminder? Find(int bookingId);

    bool Exists(int bookingId);

    /// <summary>Pending reminders due at <paramref name="now"/>, earliest first.</summary>
    IReadOnlyList<DutyReminder> Due(DateTimeOffset now);

    IReadOnlyList<DutyReminder> InState(ReminderState state);

    /// <summary>
    /// The one step every change of state below is: <paramref name="from"/> → <paramref name="to"/> in one conditional
    /// update, only when the reminder is in <paramref name="from"/> (a claim also stamps when); true for the caller that
    /// made it. Each store writes it in its own engine; the named steps are the same for both.
    /// </summary>
    bool Transition(int bookingId, ReminderState from, ReminderState to, DateTimeOffset now, string? error, bool claim);

    /// <summary>Moves a reminder from Pending to Sending in one conditional update; true for the one caller that won.</summary>
    bool TryClaim(int bookingId, DateTimeOffset now) =>
        Transition(bookingId, ReminderState.Pending, ReminderState.Sending, now, error: null, claim: true);

    void MarkSent(int bookingId, DateTimeOffset now) =>
        Transition(bookingId, ReminderState.Sending, ReminderState.Sent, now, error: null, claim: false);

    void MarkFailed(int bookingId, DateTimeOffset now, string reason) =>
        Transition(bookingId, ReminderState.Sending, ReminderState.Failed, now, reason, claim: false);

    /// <summary>Stops a reminder that has not gone out (the booking was cancelled).</summary>
    bool Cancel(int bookingId, DateTimeOffset now) =>
        Transition(bookingId, ReminderState.Pending, ReminderState.Cancelled, now, error: null, claim: false);

    /// <summary>
    /// Claims left in Sending by a crash: the message may or may not have reached the user, so they are marked failed
    /// (staff can see them) instead of being sent a second time. Returns how many.
    /// </summary>
    int FailInterrupted(DateTimeOffset now);
}
