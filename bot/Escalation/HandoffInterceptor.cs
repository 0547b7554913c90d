using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Escalation;

/// <summary>
/// While a person has the conversation, user messages go to the escalation transcript and the console and
/// the bot keeps quiet; "结束人工" returns the user to the bot (and closes an open escalation even after the
/// user left the quiet mode), and "继续" to a flow a crisis interrupted (the escalation stays open). Runs after crisis detection (lower orders) so crisis words are still
/// answered in hand-off.
/// </summary>
public sealed class HandoffInterceptor(EscalationStore store, EscalationEvents events, FlowEngine engine, TimeProvider time, ILogger<HandoffInterceptor> log) : IMessageInterceptor
{
    public int Order => 10;

    public async Task<bool> TryHandleAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken)
    {
        var ending = EscalationTexts.IsEndCommand(text);
        if (!data.InHandoff && !ending) return false;

        var record = store.FindOpen(turn.Activity.ChannelId ?? "", turn.Activity.Conversation?.Id ?? "");
        if (record is null)
        {
            // Staff closed it but the flag could not be cleared then: the record is the truth.
            data.InHandoff = false;
            if (!ending) return false;
            await turn.SendActivityAsync(MessageFactory.Text(EscalationTexts.NotInHandoff), cancellationToken);
            return true;
        }

        var now = time.GetUtcNow();
        if (ending)
        {
            // Also when the user had gone back to the bot (「继续」) with the escalation still open: they asked
            // to stop, so staff must not pick them up again.
            await EndAsync(turn, data, record, text, now, cancellationToken);
            return true;
        }

        if (GlobalCommands.Parse(text) == GlobalCommand.Resume && engine.Active(data) is not null)
        {
            // The user goes back to the form a crisis interrupted (e.g. their help request). The escalation
            // stays open for staff, who put the conversation back in hand-off when they pick it up.
            data.InHandoff = false;
            store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.User, At = now, Text = text });
            events.Publish(new EscalationChange(record.Id.ToString(), record.County, "message"));
            return false;
        }

        if (GlobalCommands.Parse(text) == GlobalCommand.Human)
        {
            await turn.SendActivityAsync(MessageFactory.Text(EscalationTexts.AlreadyWaiting), cancellationToken);
            return true;
        }

        store.Together(() =>
        {
            store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.User, At = now, Text = text });
            store.Change(record.Id, r => { r.LastUserMessageAt = now; return null; });
        });
        events.Publish(new EscalationChange(record.Id.ToString(), record.County, "message"));
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
