using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Escalation;

/// <summary>
/// While a person has the conversation, user messages go to the escalation transcript and the console; a
/// self-service command (and the flow it starts) is still answered by the bot, and noted on the transcript
/// (<see cref="HandoffSelfService"/>); any other message is left to staff (<see cref="HandoffService.LeftToStaff(EscalationRecord, string, DateTimeOffset)"/>), with <see cref="WaitAnswer"/>'s answer
/// (nothing while a person is expected soon, otherwise never silence). "结束人工" returns the user to the bot (and
/// closes an open escalation even after the user left the quiet mode), and "继续" to a flow a crisis interrupted (the
/// escalation stays open). Runs after crisis detection (lower orders) so a crisis is still answered in hand-off.
/// </summary>
public sealed class HandoffInterceptor(
    EscalationStore store,
    EscalationEvents events,
    FlowEngine engine,
    HandoffSelfService selfService,
    HandoffFlag flag,
    HandoffService handoff,
    TimeProvider time,
    ILogger<HandoffInterceptor> log) : IMessageInterceptor
{
    public int Order => 10;

    public async Task<bool> TryHandleAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken)
    {
        var ending = EscalationTexts.IsEndCommand(text);
        var conversation = ConversationAddress.Of(turn.Activity);
        flag.Recheck(conversation, data);
        // The hand-off ended (from the console, or 「继续」) while a self-service command had flows set aside.
        if (!data.InHandoff) HandoffSelfService.Restore(data);
        if (!data.InHandoff && !ending) return false;

        var record = flag.OpenOrClear(conversation, data);
        if (record is null)
        {
            if (!ending) return false;
            await turn.SendActivityAsync(MessageFactory.Text(EscalationTexts.NotInHandoff), cancellationToken);
            return true;
        }

        var now = time.GetUtcNow();
        if (ending)
        {
            // Also when the user had gone back to the bot (「继续」) with the escalation still open: they asked
            // to stop, so staff must not pick them up again.
            HandoffSelfService.Restore(data);
            await EndAsync(turn, data, record, text, now, cancellationToken);
            return true;
        }

        var menuShown = data.HandoffMenuShown;
        data.HandoffMenuShown = false;
        // A self-service command's flow is still asking: this is its answer (「继续」 and 「取消」 included), for the bot.
        // Not copied to the transcript: it belongs to that feature (a help request's description, a phone number, a
        // binding code) and is kept and deleted by its rules. What the flow does not take and nothing else answers
        // comes back as left to staff (ChatBot's fallback → IHandoffService.LeftToStaffAsync) and is recorded then.
        if (HandoffSelfService.IsRunning(data)) return false;
        // Its flow has ended: the flows set aside come back, so 「继续」 can take the user to them.
        HandoffSelfService.Restore(data);

        if (GlobalCommands.Parse(text) == GlobalCommand.Resume && engine.Active(data) is not null)
        {
            // The user goes back to the form a crisis interrupted (e.g. their help request). The escalation
            // stays open for staff, who put the conversation back in hand-off when they pick it up.
            data.InHandoff = false;
            store.Together(() =>
            {
                store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.User, At = now, Text = text });
                store.Change(record.Id, r => { r.UserLeftAt = now; return null; });
            });
            events.Publish(new EscalationChange(record.Id.ToString(), record.County, "message"));
            return false;
        }

        if (selfService.AsksForAPerson(text))
        {
            await turn.SendActivityAsync(MessageFactory.Text(EscalationTexts.AlreadyWaiting), cancellationToken);
            return true;
        }

        if (selfService.IsCommand(text, menuShown))
        {
            selfService.Note(record, data, text, now);
            return false; // the bot answers it like any other time
        }

        await HandoffTurns.SayAsync(turn, handoff.LeftToStaff(record, text, now), cancellationToken);
        return true;
    }

    private async Task EndAsync(ITurnContext turn, ConversationData data, EscalationRecord record, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (record.Urgent)
        {
            // A crisis is closed only by staff, with a note: the young person may go back to the bot, but the case
            // stays open and urgent in the queue until someone has reached them.
            store.Together(() =>
            {
                store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.User, At = now, Text = text });
                store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.Bot, At = now, Text = EscalationTexts.LeftUrgent, Delivered = true });
                store.Change(record.Id, r => { r.UserLeftAt = now; return null; });
            });
            data.InHandoff = false;
            log.LogInformation("User left urgent escalation {EscalationId}; it stays open for staff", record.Id);
            events.Publish(new EscalationChange(record.Id.ToString(), record.County, "message"));
            await turn.SendActivityAsync(MessageFactory.Text(EscalationTexts.LeftUrgent), cancellationToken);
            return;
        }
        // Closed, with the user's last line and the goodbye, as one transaction.
        var outcome = store.Together(() =>
        {
            var closed = store.Change(record.Id, r =>
            {
                if (r.Status == EscalationStatus.Resolved) return "resolved";
                r.Status = EscalationStatus.Resolved;
                r.ResolvedAt = now;
                r.ResolvedBy = "user";
                return null;
            });
            store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.User, At = now, Text = text });
            store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.Bot, At = now, Text = EscalationTexts.EndedByUser, Delivered = true });
            return closed;
        });
        data.InHandoff = false;
        if (outcome.Ok) log.LogInformation("Escalation {EscalationId} ended by the user", record.Id);
        events.Publish(new EscalationChange(record.Id.ToString(), record.County, "resolved"));
        await turn.SendActivityAsync(MessageFactory.Text(EscalationTexts.EndedByUser), cancellationToken);
    }
}
