using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatAssistant.Adapters;

/// <summary>
/// The turn of one inbound message as a channel adapter runs it: the <see cref="TurnHead"/> the pipeline began for it
/// ahead of the turn (taken once, by the turn lock), and, for a channel that answers the request after the turn
/// (WeChat's passive reply), what the bot said, in order. Passed to the pipeline as the turn's context, so the head
/// needs no ambient or string-keyed state.
/// </summary>
public class ChannelTurnContext(BotAdapter adapter, Activity activity, TurnHead? head) : TurnContext(adapter, activity)
{
    private TurnHead? _head = head;

    /// <summary>What the bot said in this turn, in order (for adapters that answer after the turn).</summary>
    public ConcurrentQueue<Activity> Outbox { get; } = new();

    /// <summary>The head begun for this turn, once: whoever takes it owns it (and disposes it if unused).</summary>
    public TurnHead? TakeHead() => Interlocked.Exchange(ref _head, null);
}
