using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using ChatAssistant.Adapters.Coordination;

namespace ChatAssistant.Escalation;

/// <summary>
/// Fans escalation and help-request changes out to the open console streams (server-sent events) of this instance.
/// Each stream filters by its own scope. With several instances, each change is also broadcast to the others
/// (<see cref="IClusterSignals"/>, Redis pub/sub), which fan it out to their own streams: a console open on instance A
/// sees a hand-off that arrived through instance B.
/// </summary>
public sealed class EscalationEvents
{
    /// <summary>A comment-like event this often keeps proxies from closing an idle stream.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const string Topic = "console";

    private readonly ConcurrentDictionary<Guid, Channel<EscalationChange>> _subscribers = new();
    private readonly TimeProvider time;
    private readonly IClusterSignals _signals;

    public EscalationEvents(TimeProvider time, IClusterSignals signals)
    {
        this.time = time;
        _signals = signals;
        signals.Subscribe(Topic, payload =>
        {
            if (JsonSerializer.Deserialize<EscalationChange>(payload, Json) is { } change) FanOut(change);
        });
    }

    /// <summary>Open streams.</summary>
    public int SubscriberCount => _subscribers.Count;

    private readonly ConcurrentDictionary<Guid, Action<EscalationChange>> _listeners = new();

    /// <summary>
    /// Shows <paramref name="change"/> on the open streams of this instance and of every other instance, and tells this
    /// instance's listeners. Listeners hear only the changes published here, so with several instances each change
    /// reaches the phone alerts once (on the instance where it happened).
    /// </summary>
    public void Publish(EscalationChange change)
    {
        FanOut(change);
        // In-process listeners (the phone alerts) are told on the publisher's thread: they only queue work.
        foreach (var listener in _listeners.Values) listener(change);
        _signals.Broadcast(Topic, JsonSerializer.Serialize(change, Json));
    }

    private void FanOut(EscalationChange change)
    {
        foreach (var channel in _subscribers.Values) channel.Writer.TryWrite(change);
    }

    /// <summary>
    /// Tells <paramref name="listener"/> of every change published on this instance, until the result is disposed. It
    /// runs on the publisher's thread inside its action, so it must only hand the change on (queue it), never wait.
    /// </summary>
    public IDisposable Listen(Action<EscalationChange> listener)
    {
        var id = Guid.NewGuid();
        _listeners[id] = listener;
        return new Unlisten(() => _listeners.TryRemove(id, out _));
    }

    private sealed class Unlisten(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }

    /// <summary>
    /// The event stream of one console: "ready" once subscribed, then "escalation", "ticket" or "alert" for each
    /// change <paramref name="visible"/> lets through, "ping" when idle. Subscribes before the first item, so nothing published after "ready" is missed.
    /// Ends as soon as <paramref name="signedIn"/> says the staff member's session is over (account disabled,
    /// password changed): the browser reconnects, is refused, and shows the sign-in form.
    /// </summary>
    public async IAsyncEnumerable<SseItem<string>> StreamAsync(Func<EscalationChange, bool> visible, Func<bool> signedIn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Bounded: a stalled browser cannot grow memory; it only needs to learn that something changed.
        var channel = Channel.CreateBounded<EscalationChange>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        _subscribers[id] = channel;
        try
        {
            yield return new SseItem<string>("{}", "ready");
            var waiting = channel.Reader.WaitToReadAsync(cancellationToken).AsTask();
            while (!cancellationToken.IsCancellationRequested)
            {
                var first = await Task.WhenAny(waiting, Task.Delay(Heartbeat, time, cancellationToken));
                if (cancellationToken.IsCancellationRequested || !signedIn()) yield break;
                if (first != waiting)
                {
                    yield return new SseItem<string>("{}", "ping");
                    continue;
                }
                if (!await waiting) yield break;
                while (channel.Reader.TryRead(out var change))
                    if (visible(change))
                        yield return new SseItem<string>(JsonSerializer.Serialize(new { id = change.Id, what = change.What }, Json), change.Event);
                waiting = channel.Reader.WaitToReadAsync(cancellationToken).AsTask();
            }
        }
        finally
        {
            _subscribers.TryRemove(id, out _);
        }
    }
}
