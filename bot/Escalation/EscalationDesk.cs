using ChatAssistant.Conversation;
using ChatAssistant.Adapters;
using ChatAssistant.Staff;

namespace ChatAssistant.Escalation;

/// <summary>What staff do with an escalation: claim, assign, reply, note, resolve, or pick a user up.</summary>
public sealed class EscalationDesk(
    EscalationStore store,
    EscalationEvents events,
    HandoffStateWriter state,
    IUserMessenger messenger,
    TimeProvider time,
    AccountNames names,
    ILogger<EscalationDesk> log)
{
    /// <summary>Takes an unclaimed escalation (or one already yours); puts the user in hand-off if they are not.</summary>
    public async Task<ChangeOutcome> ClaimAsync(string id, StaffAccount staff, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var outcome = store.Change(id, r =>
        {
            if (r.Status == EscalationStatus.Resolved) return DeskRefusals.Resolved;
            if (r.AssigneeId is { } other && other != staff.Id) return DeskRefusals.ClaimedByOther;
            Assign(r, staff, now);
            return null;
        });
        await AfterPickupAsync(outcome, staff, "claimed", ct);
        return outcome;
    }

    /// <summary>Gives an open escalation to <paramref name="assignee"/> (who must be able to see it; the caller checks).</summary>
    public async Task<ChangeOutcome> AssignAsync(string id, StaffAccount assignee, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var outcome = store.Change(id, r =>
        {
            if (r.Status == EscalationStatus.Resolved) return DeskRefusals.Resolved;
            Assign(r, assignee, now);
            return null;
        });
        await AfterPickupAsync(outcome, assignee, "assigned", ct);
        return outcome;
    }

    /// <summary>Sends a reply to the user. A refusal by the channel is kept on the transcript and returned.</summary>
    public async Task<(ChangeOutcome Outcome, DeliveryResult? Delivery)> ReplyAsync(string id, StaffAccount staff, string text, CancellationToken ct)
    {
        var record = store.Get(id);
        if (record is null) return (new ChangeOutcome(null, DeskRefusals.NotFound), null);
        if (record.Status == EscalationStatus.Resolved) return (new ChangeOutcome(record, DeskRefusals.Resolved), null);

        // Back in hand-off first, so a user who had gone back to the bot hears how to leave before the reply.
        await ReturnToHandoffAsync(record, staff, ct);
        var delivery = await SendAsync(record.ChannelId, record.UserId, text, ct);
        var now = time.GetUtcNow();
        store.Add(Sent(id, EntryKind.Staff, text, staff.DisplayName, delivery, now));
        var outcome = store.Change(id, r =>
        {
            // Replying acknowledges: an unclaimed escalation becomes the replier's.
            if (r.AssigneeId is null) Assign(r, staff, now);
            if (delivery.Delivered) r.FirstReplyAt ??= now;
            r.LastStaffActionAt = now;
            return null;
        });
        if (!delivery.Delivered) log.LogWarning("Reply to escalation {EscalationId} refused by the channel: {ErrorCode}", id, delivery.ErrorCode);
        if (outcome.Ok) events.Publish(new EscalationChange(id.ToString(), record.County, "replied"));
        return (outcome, delivery);
    }

    public ChangeOutcome AddNote(string id, StaffAccount staff, string text)
    {
        var record = store.Get(id);
        if (record is null) return new ChangeOutcome(null, DeskRefusals.NotFound);
        // Its transcript was deleted at the end of its retention: a note now would be kept for ever, with no purge to come.
        if (record.TranscriptDeletedAt is not null) return new ChangeOutcome(record, DeskRefusals.Purged);
        store.Add(new EscalationEntry { EscalationId = id, Kind = EntryKind.Note, At = time.GetUtcNow(), Text = text, StaffName = staff.DisplayName });
        events.Publish(new EscalationChange(id.ToString(), record.County, "note"));
        return new ChangeOutcome(record, null);
    }

    /// <summary>
    /// Closes the escalation, returns the user to the bot and tells them so. An urgent (crisis) one needs
    /// <paramref name="note"/>, what was done, which is kept as an internal note with the closing.
    /// </summary>
    public async Task<(ChangeOutcome Outcome, DeliveryResult? Delivery)> ResolveAsync(string id, StaffAccount staff, string? note, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var outcome = store.Together(() =>
        {
            var closed = store.Change(id, r =>
            {
                if (r.Status == EscalationStatus.Resolved) return DeskRefusals.Resolved;
                if (r.Urgent && string.IsNullOrWhiteSpace(note)) return DeskRefusals.NoteRequired;
                r.Status = EscalationStatus.Resolved;
                r.ResolvedAt = now;
                r.ResolvedBy = staff.DisplayName;
                return null;
            });
            if (closed.Ok && !string.IsNullOrWhiteSpace(note))
                store.Add(new EscalationEntry { EscalationId = id, Kind = EntryKind.Note, At = now, Text = note, StaffName = staff.DisplayName });
            return closed;
        });
        if (!outcome.Ok) return (outcome, null);
        var record = outcome.Record!;
        await state.SetAsync(record, inHandoff: false, ct);
        var delivery = await SendAsync(record.ChannelId, record.UserId, EscalationTexts.EndedByStaff, ct);
        store.Add(Sent(id, EntryKind.Bot, EscalationTexts.EndedByStaff, null, delivery, time.GetUtcNow()));
        log.LogInformation("Escalation {EscalationId} resolved by staff {StaffId}", id, staff.Id);
        events.Publish(new EscalationChange(id.ToString(), record.County, "resolved"));
        return (outcome, delivery);
    }

    /// <summary>
    /// Starts a hand-off from the staff side (e.g. from a help request whose user wants a reply in the chat). When the
    /// user already has an open escalation that <paramref name="mayTake"/> refuses (another county's), nothing
    /// changes and the result is null.
    /// </summary>
    public async Task<(EscalationRecord Record, DeliveryResult Delivery)?> PickUpAsync(string channelId, string userId, string? county, StaffAccount staff, Func<EscalationRecord, bool> mayTake, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (record, created) = store.Open(new EscalationRecord
        {
            ChannelId = channelId,
            UserId = userId,
            ConversationId = userId, // one conversation per user on our channels
            Reason = EscalationReason.StaffPickup,
            County = county,
            Status = EscalationStatus.Waiting,
            CreatedAt = now,
        });
        // The user's open hand-off may belong to another county: it is not taken over from outside it.
        if (!created && !mayTake(record)) return null;
        var outcome = store.Change(record.Id, r => { if (r.AssigneeId is null) Assign(r, staff, now); return null; });
        await state.SetAsync(outcome.Record!, inHandoff: true, ct);
        var greeting = EscalationTexts.PickedUpAt(names.For(channelId));
        var delivery = await SendAsync(channelId, userId, greeting, ct);
        store.Add(Sent(record.Id, EntryKind.Staff, greeting, staff.DisplayName, delivery, now));
        events.Publish(new EscalationChange(record.Id.ToString(), record.County, "opened"));
        return (outcome.Record!, delivery);
    }

    private async Task AfterPickupAsync(ChangeOutcome outcome, StaffAccount staff, string what, CancellationToken ct)
    {
        if (!outcome.Ok) return;
        var record = outcome.Record!;
        await ReturnToHandoffAsync(record, staff, ct);
        events.Publish(new EscalationChange(record.Id.ToString(), record.County, what));
    }

    // Staff picking the conversation up puts it in hand-off even if the flag was lost (a failed turn) or the user
    // had gone back to the bot (「继续」 after a crisis). From then on the bot keeps quiet, so a user who was not in
    // hand-off is told who is there and how to leave; one who already was hears nothing new.
    private async Task ReturnToHandoffAsync(EscalationRecord record, StaffAccount staff, CancellationToken ct)
    {
        if (await state.SetAsync(record, inHandoff: true, ct) != HandoffFlagWrite.Changed) return;
        var greeting = EscalationTexts.PickedUpAt(names.For(record.ChannelId));
        var delivery = await SendAsync(record.ChannelId, record.UserId, greeting, ct);
        store.Add(Sent(record.Id, EntryKind.Staff, greeting, staff.DisplayName, delivery, time.GetUtcNow()));
    }

    // Every send is kept on the transcript with its delivery result (encrypted, in the escalation's history), so a
    // refusal is not recorded again in the channel's undelivered store, in clear and beyond any retention.
    private Task<DeliveryResult> SendAsync(string channelId, string userId, string text, CancellationToken ct) =>
        messenger.SendAsync(new OutboundMessage(channelId, userId, text, RecordIfUndelivered: false), ct);

    private static void Assign(EscalationRecord r, StaffAccount staff, DateTimeOffset now)
    {
        r.AssigneeId = staff.Id;
        r.AssigneeName = staff.DisplayName;
        r.Status = EscalationStatus.Claimed;
        if (r.ClaimedAt is null) ChatAssistant.Adapters.Telemetry.AssistantTelemetry.Handoff("acknowledged");
        r.ClaimedAt ??= now;
        r.LastStaffActionAt = now;
    }

    private static EscalationEntry Sent(string id, EntryKind kind, string text, string? staffName, DeliveryResult delivery, DateTimeOffset at) => new()
    {
        EscalationId = id,
        Kind = kind,
        At = at,
        Text = text,
        StaffName = staffName,
        Delivered = delivery.Delivered,
        ErrorCode = delivery.ErrorCode,
        FailureReason = delivery.Reason,
    };
}
