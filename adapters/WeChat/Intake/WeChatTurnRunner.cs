using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Runs an admitted message's turn through <see cref="WeChatAdapter"/>, off the request (the turn must not die with
/// it: WeChat hangs up after 5 s, the bot finishes anyway), and says whether it finished within
/// <see cref="WeChatOptions.ReplyDeadline"/>. What the turn said comes back composed into WeChat messages.
/// </summary>
public sealed class WeChatTurnRunner(
    [FromKeyedServices] WeChatAccount account, [FromKeyedServices] WeChatAdapter adapter,
    [FromKeyedServices] WeChatDeliveryPolicy policy, WeChatBackgroundWork background, TimeProvider time)
{
    /// <summary>
    /// Starts the turn of <paramref name="turn"/> with its <paramref name="head"/> (owned from here on). It starts on
    /// this thread and runs here until its first wait; the task gives its messages (none after an unsubscribe:
    /// nothing can reach a user who left).
    /// </summary>
    internal Task<IReadOnlyList<string>> Start(InboundAction.RunTurn turn, TurnHead? head, IBot bot)
    {
        // The 48-hour window note goes out ahead of the rest of the turn's commands on the same connection, and
        // nothing waits for its answer; only sends through the API, after the turn, depend on it.
        policy.NoteInbound(turn.Activity.From.Id, turn.FromUserMessage);
        return background.Track(RunAsync(turn, head, bot));
    }

    /// <summary>True when <paramref name="running"/> finished within the reply deadline.</summary>
    internal async Task<bool> FinishesInTimeAsync(Task running)
    {
        // Not the request's token: if WeChat hangs up early the turn is still delivered, just later.
        using var stopWaiting = new CancellationTokenSource();
        var deadline = Task.Delay(account.Options.ReplyDeadline, time, stopWaiting.Token);
        var finished = await Task.WhenAny(running, deadline).ConfigureAwait(false) == running;
        await stopWaiting.CancelAsync().ConfigureAwait(false);
        return finished;
    }

    private async Task<IReadOnlyList<string>> RunAsync(InboundAction.RunTurn turn, TurnHead? head, IBot bot)
    {
        var said = await adapter.RunTurnAsync(turn.Activity, head, bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false);
        return turn.Activity.Name == ChannelEvents.Unsubscribe ? [] : WeChatReplyComposer.Compose(said);
    }
}
