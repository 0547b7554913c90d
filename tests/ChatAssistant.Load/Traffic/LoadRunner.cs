using System.Collections.Concurrent;
using System.Diagnostics;
using ChatAssistant.Load.Report;

namespace ChatAssistant.Load.Traffic;

/// <summary>
/// Drives simulated users against one path of the server: closed loop (each user sends its next message only
/// after the previous reply) or open loop (fixed arrival rate; latency counted from the planned send time, so a
/// slow server cannot hide its queueing). Both stop at the duration or the request cap, whichever comes first.
/// </summary>
public sealed class LoadRunner(HttpClient http, WeChatSigner signer, IReadOnlyList<SimUser> users, Func<string, IReadOnlyList<string>>? sentTo = null, IReadOnlyList<WeChatSigner>? accounts = null)
{
    // Bounds the recorder's memory (one sample per request). 2,000,000 cut the 300 s open loop short once the open
    // rate passed 6,667/s (suite M: 279 s at 7,177/s); 5,000,000 holds 300 s up to 16,600/s and 600 s up to 8,300/s.
    public const int MaxRequestsPerPhase = 5_000_000;
    private readonly ConcurrentDictionary<string, string?> _lastReply = new();
    private int _inFlight;
    private long _callbacksAnswered;
    private long _callbacksBusy;

    /// <summary>
    /// Messages posted to the callback itself (not the baseline) and answered 2xx: with the flood guard off and every
    /// message new, each ran one turn, so the server's <c>chatassistant_messages_total</c> must come to the same.
    /// </summary>
    public long CallbacksAnswered => Interlocked.Read(ref _callbacksAnswered);

    /// <summary>
    /// Of <see cref="CallbacksAnswered"/>, those answered 「系统繁忙」 (in any phase, the warm-up and seeding included):
    /// the server could not reach Redis at admission and ran no turn, so its metrics count them as a store failure,
    /// not as a message.
    /// </summary>
    public long CallbacksBusy => Interlocked.Read(ref _callbacksBusy);

    /// <summary>
    /// When set (a failover run), a message whose request failed in transport is sent again after this long, with the
    /// same MsgId, as WeChat retries a callback that did not answer; <see cref="Retries"/> counts how that went.
    /// </summary>
    public TimeSpan? RetryFailedAfter { get; init; }

    /// <summary>In a failover run: requests whose connection broke (each retried WeChat-style).</summary>
    public int TransportFailures => Volatile.Read(ref _transportFailures);

    private int _transportFailures;

    /// <summary>The outcomes of the WeChat-style retries of a failover run.</summary>
    public RetryCounts Retries { get; } = new();

    /// <summary>In a failover run: the users one of whose requests failed in transport, and those answered an unexpected "success".</summary>
    public ConcurrentDictionary<string, byte> FailedUsers { get; } = new();

    /// <inheritdoc cref="FailedUsers"/>
    public ConcurrentDictionary<string, byte> SilencedUsers { get; } = new();

    /// <summary>Requests sent and not yet answered (the timeline reads it).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Closed loop with the first <paramref name="count"/> users.</summary>
    public async Task<(Recorder Recorder, double Seconds)> ClosedAsync(string path, int count, TimeSpan duration, CancellationToken ct)
    {
        var recorder = new Recorder();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var workers = users.Take(count).Select(user => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && Interlocked.Increment(ref sent) <= MaxRequestsPerPhase && !ct.IsCancellationRequested)
                await SendAsync(path, user, Stopwatch.GetTimestamp(), recorder, ct);
        }, ct));
        await Task.WhenAll(workers);
        return (recorder, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Open loop at <paramref name="rate"/> messages per second over the idle users; busy users are never sent to twice.</summary>
    public async Task<(Recorder Recorder, double Seconds, int NotSent)> OpenAsync(string path, double rate, TimeSpan duration, CancellationToken ct)
    {
        var recorder = new Recorder();
        var idle = new ConcurrentQueue<SimUser>(users);
        var inFlight = new ConcurrentDictionary<Task, byte>();
        var notSent = 0;
        var start = Stopwatch.GetTimestamp();
        var total = (long)Math.Min(rate * duration.TotalSeconds, MaxRequestsPerPhase);
        for (long i = 0; i < total && !ct.IsCancellationRequested; i++)
        {
            var due = start + (long)(i / rate * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, ct);
            if (!idle.TryDequeue(out var user)) { notSent++; continue; } // every simulated user is waiting for a reply
            var task = Task.Run(async () =>
            {
                try { await SendAsync(path, user, due, recorder, ct); }
                finally { idle.Enqueue(user); }
            }, ct);
            inFlight[task] = 0;
            _ = task.ContinueWith(t => inFlight.TryRemove(t, out _), TaskScheduler.Default);
        }
        await Task.WhenAll(inFlight.Keys);
        return (recorder, Stopwatch.GetElapsedTime(start).TotalSeconds, notSent);
    }

    /// <summary>Sends one given message now (seeding: binding codes) and returns the reply text.</summary>
    public Task<string?> SendAsync(string path, SimUser user, Step step, Recorder recorder, CancellationToken ct) =>
        PostAsync(path, user, step, Stopwatch.GetTimestamp(), recorder, ct);

    private async Task SendAsync(string path, SimUser user, long plannedAt, Recorder recorder, CancellationToken ct)
    {
        var previous = _lastReply.GetValueOrDefault(user.OpenId);
        var step = user.Next(previous);
        var reply = await PostAsync(path, user, step, plannedAt, recorder, ct);
        user.Observe(reply);
        // Keep a few examples of text messages answered with "success", so a run that counts them also says why.
        if (reply is null && step.Text is not null && step.Kind is not "menu" and not "help")
            recorder.Example($"{step.Kind}: sent 「{step.Text}」 after 「{Shorten(previous)}」" + SentThroughTheApi(user.OpenId));
        _lastReply[user.OpenId] = reply;
    }

    // What the fake WeChat API received for the user lately (customer-service messages: the rest of a long answer,
    // late answers), so an unexpected "success" comes with what else the user was told.
    private string SentThroughTheApi(string openId)
    {
        var texts = sentTo?.Invoke(openId);
        return texts is null || texts.Count == 0 ? "" : "; last customer-service messages: " + string.Join(" | ", texts.TakeLast(2).Select(Shorten));
    }

    private async Task<string?> PostAsync(string path, SimUser user, Step step, long plannedAt, Recorder recorder, CancellationToken ct)
    {
        var xml = step.Key is null
            ? WeChatSigner.Text(user.OpenId, step.Text!, signer.NextMsgId())
            : WeChatSigner.Click(user.OpenId, step.Key, user.NextClickSecond());
        // A user of a further account writes to its callback, signed with its token (the baseline is the default account's).
        var (to, signedBy) = user.Account > 0 && accounts is not null && path == "/api/wechat"
            ? (LoadAccounts.Path(user.Account), accounts[user.Account - 1])
            : (path, signer);
        Interlocked.Increment(ref _inFlight);
        try
        {
            using var request = signedBy.Post(to, xml);
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var ms = Stopwatch.GetElapsedTime(plannedAt).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                recorder.Add(new Sample(step.Kind, ms, Outcome.HttpError, recorder.At(plannedAt)));
                return null;
            }
            if (path == "/api/wechat") Interlocked.Increment(ref _callbacksAnswered);
            var text = signer.ReplyText(body);
            var busy = text is not null && text.Contains("系统繁忙", StringComparison.Ordinal);
            if (busy && path == "/api/wechat") Interlocked.Increment(ref _callbacksBusy);
            recorder.Add(new Sample(step.Kind, ms, text is null ? Outcome.SuccessBody : busy ? Outcome.Busy : Outcome.Ok, recorder.At(plannedAt)));
            if (text is null && step.Text is not null && RetryFailedAfter is not null) SilencedUsers[user.OpenId] = 0;
            return text;
        }
        catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && !ct.IsCancellationRequested)
        {
            recorder.Add(new Sample(step.Kind, Stopwatch.GetElapsedTime(plannedAt).TotalMilliseconds, Outcome.Exception, recorder.At(plannedAt)));
            // Only a broken connection is what a killed instance does; a timeout on a live one is not retried here.
            if (RetryFailedAfter is not { } after || e is not HttpRequestException) return null;
            FailedUsers[user.OpenId] = 0;
            Interlocked.Increment(ref _transportFailures);
            return await RetryAsync(to, signedBy, xml, after, ct);
        }
        finally { Interlocked.Decrement(ref _inFlight); }
    }

    // WeChat's retry of a callback that failed: the same message (its MsgId) again. Answered with a text: the killed
    // instance had not taken it, the other ran it. Answered "success": the killed instance had taken it (its claim
    // stands), so no second turn runs — the message is lost with the instance, never answered twice.
    private async Task<string?> RetryAsync(string to, WeChatSigner signedBy, string xml, TimeSpan after, CancellationToken ct)
    {
        await Task.Delay(after, ct);
        try
        {
            using var request = signedBy.Post(to, xml);
            using var response = await http.SendAsync(request, ct);
            var text = response.IsSuccessStatusCode ? signer.ReplyText(await response.Content.ReadAsStringAsync(ct)) : null;
            Retries.Count(!response.IsSuccessStatusCode ? RetryOutcome.Failed : text is null ? RetryOutcome.Success : RetryOutcome.Answered);
            return text;
        }
        catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && !ct.IsCancellationRequested)
        {
            Retries.Count(RetryOutcome.Failed);
            return null;
        }
    }

    private static string Shorten(string? text) => text is null ? "(success)" : text.Length <= 60 ? text : text[..60] + "…";
}

/// <summary>How a WeChat-style retry of a failed callback was answered.</summary>
public enum RetryOutcome { Answered, Success, Failed }

/// <summary>The retries of a failover run, by outcome (thread-safe).</summary>
public sealed class RetryCounts
{
    private readonly int[] _counts = new int[3];

    public void Count(RetryOutcome outcome) => Interlocked.Increment(ref _counts[(int)outcome]);

    public int Of(RetryOutcome outcome) => Volatile.Read(ref _counts[(int)outcome]);

    public int Total => _counts.Sum();
}
