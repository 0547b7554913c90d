using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.Booking.Postgres;

/// <summary>
/// The reminder schedule in PostgreSQL (<c>duty_reminders</c>). Every state change is one conditional
/// <c>UPDATE … WHERE state = @from</c>: of two instances claiming a reminder at once, one updates the row and the
/// other finds it no longer pending, so each reminder is sent once.
/// </summary>
public sealed class PostgresReminderStore(PostgresRecords records) : IReminderStore
{
    /// <summary>
    /// A claim older than this is taken to be a crashed instance's. Other instances run beside this one, so a fresh
    /// claim is theirs and still being sent: only stale ones are failed (a send takes seconds).
    /// </summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    private const string Columns = "booking_id AS Id, due_at AS DueAt, state AS State, claimed_at AS ClaimedAt, done_at AS DoneAt, error AS Error";

    /// <summary>How <c>records copy</c> moves reminders (keyed by their booking's id).</summary>
    public static RecordsTableCopy<DutyReminder> Copy() => new(
        "duty_reminders",
        "INSERT INTO duty_reminders (booking_id, due_at, state, claimed_at, done_at, error) VALUES (@Id, @DueAt, @State, @ClaimedAt, @DoneAt, @Error)",
        r => new { r.Id, r.DueAt, State = r.State.ToString(), r.ClaimedAt, r.DoneAt, r.Error },
        (c, t) => c.Query<DutyReminder>($"SELECT {Columns} FROM duty_reminders ORDER BY booking_id", transaction: t),
        identity: false);

    public bool Schedule(int bookingId, DateTimeOffset dueAt)
    {
        return records.Use((c, t) => c.Execute("INSERT INTO duty_reminders (booking_id, due_at, state) VALUES (@bookingId, @dueAt, @state) ON CONFLICT DO NOTHING",
            new { bookingId, dueAt, state = nameof(ReminderState.Pending) }, t)) == 1;
    }

    public DutyReminder? Find(int bookingId)
    {
        return records.Use((c, t) => c.QuerySingleOrDefault<DutyReminder>($"SELECT {Columns} FROM duty_reminders WHERE booking_id = @bookingId", new { bookingId }, t));
    }

    public bool Exists(int bookingId) => Find(bookingId) is not null;

    public IReadOnlyList<DutyReminder> Due(DateTimeOffset now)
    {
        return records.Use((c, t) => c.Query<DutyReminder>($"SELECT {Columns} FROM duty_reminders WHERE state = @state AND due_at <= @now ORDER BY due_at, booking_id",
            new { state = nameof(ReminderState.Pending), now }, t).AsList());
    }

    public IReadOnlyList<DutyReminder> InState(ReminderState state)
    {
        return records.Use((c, t) => c.Query<DutyReminder>($"SELECT {Columns} FROM duty_reminders WHERE state = @state ORDER BY due_at, booking_id",
            new { state = state.ToString() }, t).AsList());
    }

    public int FailInterrupted(DateTimeOffset now)
    {
        return records.Use((c, t) => c.Execute(
            "UPDATE duty_reminders SET state = @failed, done_at = @now, error = @error WHERE state = @sending AND claimed_at < @staleBefore",
            new
            {
                failed = nameof(ReminderState.Failed), now, sending = nameof(ReminderState.Sending), staleBefore = now - StaleClaim,
                error = "interrupted: the server stopped while sending; not resent to avoid a duplicate",
            }, t));
    }

    public bool Transition(int bookingId, ReminderState from, ReminderState to, DateTimeOffset now, string? error, bool claim)
    {
        var stamp = claim ? "claimed_at" : "done_at";
        var keepError = error is null ? "" : ", error = @error";
        return records.Use((c, t) => c.Execute($"UPDATE duty_reminders SET state = @to, {stamp} = @now{keepError} WHERE booking_id = @bookingId AND state = @from",
            new { to = to.ToString(), now, error, bookingId, from = from.ToString() }, t)) == 1;
    }
}
