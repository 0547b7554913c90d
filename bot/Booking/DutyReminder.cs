namespace ChatAssistant.Booking;

/// <summary>The stored reminder of one booking (id = booking id): when it is due and what became of it.</summary>
public sealed class DutyReminder
{
    /// <summary>The booking's id, so a booking never has two reminders.</summary>
    public int Id { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public ReminderState State { get; set; } = ReminderState.Pending;

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>Why sending failed (the channel's code and reason), for staff.</summary>
    public string? Error { get; set; }
}

public enum ReminderState
{
    /// <summary>Waiting for its due time.</summary>
    Pending,

    /// <summary>Claimed by the sender; a send is in progress.</summary>
    Sending,

    Sent,

    Failed,

    /// <summary>The booking was cancelled before the reminder went out.</summary>
    Cancelled,
}
