namespace ChatAssistant.Escalation;

/// <summary>
/// What the bot answers a message it left to staff during a hand-off. Nothing while a person is expected soon
/// (<see cref="WaitNotice.PersonExpectedSoon"/>: a person's words are not interleaved with the bot's); otherwise never
/// silence: at most once an hour the notice that a person will reply, when, and what to do meanwhile
/// (<see cref="EscalationTexts.StaffAway"/> outside office hours, <see cref="EscalationTexts.StaffBusy"/> in them), and
/// in between a short <see cref="EscalationTexts.Received"/>. The hour is kept on the escalation
/// (<see cref="EscalationRecord.LastWaitNoticeAt"/>); the notice opening the hand-off outside office hours counts.
/// </summary>
public sealed class WaitAnswer(WaitNotice wait, EscalationStore store)
{
    /// <summary>The notice is repeated at most this often in one conversation.</summary>
    public static readonly TimeSpan NoticeEvery = TimeSpan.FromHours(1);

    /// <summary>
    /// The answer (or none: null) to a message of <paramref name="record"/>'s user already on the transcript; a notice
    /// goes on the transcript too, so staff see what the user was told.
    /// </summary>
    public string? Answer(EscalationRecord record, DateTimeOffset now)
    {
        if (wait.PersonExpectedSoon(record, now)) return null;
        var text = record.LastWaitNoticeAt is { } last && now - last < NoticeEvery
            ? EscalationTexts.Received
            : record.Urgent ? EscalationTexts.StaffAlertedUrgent
            : wait.InOfficeHours() ? EscalationTexts.StaffBusy : EscalationTexts.StaffAway(wait.NextOpening());
        if (text != EscalationTexts.Received)
            store.Together(() =>
            {
                store.Change(record.Id, r => { r.LastWaitNoticeAt = now; return null; });
                store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.Bot, At = now, Text = text, Delivered = true });
            });
        return text;
    }
}
