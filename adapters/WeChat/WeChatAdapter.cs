using System.Collections.Concurrent;
using ChatAssistant.Adapters.Coordination;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Bot.Builder adapter for a WeChat Official Account. It runs the bot pipeline and nothing else: checks and
/// parsing are in <see cref="WeChatRequestReader"/>, mapping in <see cref="WeChatMapper"/>, reply sizing in
/// <see cref="WeChatReplyComposer"/>, API sends in <see cref="WeChatMessenger"/>.
/// </summary>
public sealed class WeChatAdapter : BotAdapter, IDisposable
{
    /// <summary>The <c>ChannelId</c> of WeChat activities.</summary>
    public const string ChannelId = "wechat";

    private const string OutboxKey = "ChatAssistant.WeChat.Outbox";
    // WeChat sends a message up to three times, 5 s apart, each try signed anew; a minute covers the tries with room.
    internal static readonly TimeSpan RetrySpread = TimeSpan.FromMinutes(1);

    private readonly WeChatOptions _options;
    private readonly WeChatRequestReader _reader;
    private readonly WeChatReplyCache _replies;
    private readonly WeChatMessenger _messenger;
    private readonly WeChatDeliveryPolicy _policy;
    private readonly WeChatBackgroundWork _background;
    private readonly TimeProvider _time;
    private readonly ILogger<WeChatAdapter> _logger;
    private readonly WeChatResponder _responder;
    private readonly IBotPipeline? _pipeline;
    private readonly WeChatUserRateLimit _rateLimit;

    public WeChatAdapter(
        IOptions<WeChatOptions> options, IKeyValueCache cache, WeChatMessenger messenger, WeChatDeliveryPolicy policy,
        WeChatBackgroundWork background, TimeProvider time, ILogger<WeChatAdapter> logger, IBotPipeline? pipeline = null)
    {
        _options = options.Value;
        _reader = new WeChatRequestReader(options, cache, time);
        _replies = new WeChatReplyCache(cache, options);
        _messenger = messenger;
        _policy = policy;
        _background = background;
        _time = time;
        _logger = logger;
        _responder = new WeChatResponder(_reader, time);
        _pipeline = pipeline;
        _rateLimit = new WeChatUserRateLimit(_options);
        pipeline?.Apply(this);
    }

    public void Dispose() => _rateLimit.Dispose();

    /// <summary>Handles one callback (GET URL check or POST message) and writes the answer.</summary>
    public async Task ProcessAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            _logger.LogWarning("WeChat callback refused: the channel is not configured (set WeChat:Token and WeChat:AppId)");
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (HttpMethods.IsGet(request.Method))
        {
            var echo = await _reader.VerifyUrlAsync(WeChatQuery.From(request.Query), cancellationToken).ConfigureAwait(false);
            if (echo is null) _logger.LogWarning("WeChat URL verification refused");
            await _responder.WritePlainAsync(response, echo, echo is null ? StatusCodes.Status403Forbidden : 200, cancellationToken).ConfigureAwait(false);
            return;
        }

        // A message that starts a turn claims its dedupe key together with the replay key: one round trip.
        InboundAction? action = null;
        // The dedupe key is what stops a second turn when any try of the message is replayed with its own body
        // (the replay check lets an identical body through: it may be WeChat's retry). So it lives as long as the
        // latest try can pass the checks: this try's lifetime plus the spread of WeChat's tries. That is ~6 minutes
        // for a fresh message instead of the 10 kept before, a quarter fewer keys in Redis at a campaign's peak.
        // The turn's first commands (its lock attempt and state read) are written to the store's connection just
        // ahead of the claim, so one round trip carries all three instead of two; a message that turns out to be a
        // retry or a replay undoes them (releases a lock it won). Each round trip saved is a few wake-ups of the
        // server, Redis and their threads per message (docs/PERFORMANCE.md, step 29).
        IAsyncDisposable? head = null;
        try
        {
            var inbound = await _reader.ReadAsync(request, (fields, passesFor) =>
            {
                action = MapOrNull(fields);
                if (action is not InboundAction.RunTurn turn) return null;
                head = _pipeline?.BeginTurn(turn.Activity);
                return new KeyClaim(turn.DedupeKey, "1", passesFor + RetrySpread);
            }, cancellationToken).ConfigureAwait(false);
            if (!inbound.Accepted)
            {
                _logger.LogWarning("WeChat callback refused with {Status}: {Reason}", inbound.Status, inbound.Reason);
                response.StatusCode = inbound.Status;
                return;
            }
            if (action is null) { response.StatusCode = StatusCodes.Status400BadRequest; return; }
            if (inbound.StoreFailure is { } failure)
            {
                _logger.LogWarning(failure, "WeChat message answered busy: the shared store is unavailable, no turn ran");
                await DisposeAsync(ref head).ConfigureAwait(false);
                var answer = action switch
                {
                    InboundAction.Reply direct => direct.Text,
                    InboundAction.RunTurn { Activity.Name: ChannelEvents.Unsubscribe } => null,
                    InboundAction.RunTurn => ChannelTexts.Busy,
                    _ => null,
                };
                await _responder.WriteReplyAsync(response, inbound, answer, cancellationToken).ConfigureAwait(false);
                return;
            }

            switch (action)
            {
                case InboundAction.Reply direct:
                    await _responder.WriteReplyAsync(response, inbound, direct.Text, cancellationToken).ConfigureAwait(false);
                    return;
                case InboundAction.RunTurn flood when inbound.AlsoClaimed && flood.Activity.Name != ChannelEvents.Unsubscribe
                                                      && !_rateLimit.TryTake(flood.Activity.From.Id):
                    // Claimed, so WeChat's retries of it get the same answer and run nothing either.
                    _logger.LogInformation("WeChat message not handled: its sender is over {PerMinute} messages a minute", _options.UserMessagesPerMinute);
                    await DisposeAsync(ref head).ConfigureAwait(false);
                    _replies.Remember(flood.ReplyKey, WeChatTexts.TooFast);
                    await _responder.WriteReplyAsync(response, inbound, WeChatTexts.TooFast, cancellationToken).ConfigureAwait(false);
                    return;
                case InboundAction.RunTurn turn when inbound.AlsoClaimed:
                    var begun = head;
                    head = null; // the turn owns it now
                    await HandleTurnAsync(response, inbound, turn, begun, bot, cancellationToken).ConfigureAwait(false);
                    return;
                case InboundAction.RunTurn retry:
                    // WeChat's retry of a message already taken: never a second turn; the first answer if it is ready.
                    await DisposeAsync(ref head).ConfigureAwait(false);
                    var passive = await WaitForFirstAnswerAsync(retry.ReplyKey, cancellationToken).ConfigureAwait(false);
                    await _responder.WriteReplyAsync(response, inbound, passive, cancellationToken).ConfigureAwait(false);
                    return;
                default:
                    await _responder.WriteReplyAsync(response, inbound, null, cancellationToken).ConfigureAwait(false);
                    return;
            }
        }
        finally
        {
            await DisposeAsync(ref head).ConfigureAwait(false);
        }
    }

    private static ValueTask DisposeAsync(ref IAsyncDisposable? owned)
    {
        var it = owned;
        owned = null;
        return it?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>
    /// The load benchmark's baseline: the same checks and parse as <see cref="ProcessAsync"/> (signature, timestamp,
    /// body cap, replay cache, decrypt, XML, mapping) and a passive reply of <paramref name="constantReply"/>,
    /// without a turn. Only mapped when <c>WeChat:BaselineEndpoint</c> is true (see docs/PERFORMANCE.md).
    /// </summary>
    public async Task ProcessBaselineAsync(HttpRequest request, HttpResponse response, string constantReply, CancellationToken cancellationToken)
    {
        if (!_options.Enabled) { response.StatusCode = StatusCodes.Status503ServiceUnavailable; return; }
        var inbound = await _reader.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (!inbound.Accepted) { response.StatusCode = inbound.Status; return; }
        try { _ = WeChatMapper.ToAction(inbound.Fields!, _time.GetUtcNow()); }
        catch (WeChatXmlException) { response.StatusCode = StatusCodes.Status400BadRequest; return; }
        await _responder.WriteReplyAsync(response, inbound, constantReply, cancellationToken).ConfigureAwait(false);
    }

    // Runs the turn of a message claimed for the first time; begun is the turn's lock attempt, owned from here on.
    private async Task HandleTurnAsync(HttpResponse response, WeChatInbound inbound, InboundAction.RunTurn turn, IAsyncDisposable? begun, IBot bot, CancellationToken cancellationToken)
    {
        var openId = turn.Activity.From.Id;
        var outbox = new ConcurrentQueue<Activity>();
        Task running;
        try
        {
            // The 48-hour window note goes out ahead of the rest of the turn's commands on the same connection, and
            // nothing waits for its answer; only sends through the API, after the turn, depend on it.
            _policy.NoteInbound(openId, turn.FromUserMessage);
            // The turn must not die with the request: WeChat hangs up after 5 s, the bot finishes anyway.
            running = _background.Run(() => RunTurnAsync(turn.Activity, outbox, begun, bot));
        }
        catch when (begun is not null)
        {
            // The turn never took the begun lock attempt: undo it here (a lock it won is released at once, not held
            // until its TTL). Disposing an attempt the turn did take is harmless.
            await begun.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var silent = turn.Activity.Name == ChannelEvents.Unsubscribe; // nothing can reach a user who left
        // Not the request's token: if WeChat hangs up early the turn is still delivered, just later.
        using var stopWaiting = new CancellationTokenSource();
        var deadline = Task.Delay(_options.ReplyDeadline, _time, stopWaiting.Token);
        var finished = await Task.WhenAny(running, deadline).ConfigureAwait(false) == running;
        await stopWaiting.CancelAsync().ConfigureAwait(false);

        if (!finished)
        {
            _logger.LogInformation("WeChat turn slower than {Deadline}; answering success and delivering later", _options.ReplyDeadline);
            _replies.Remember(turn.ReplyKey, null);
            _ = _background.Run(async () =>
            {
                await running.ConfigureAwait(false);
                var late = silent ? [] : WeChatReplyComposer.Compose(outbox);
                if (late.Count > 0) await _messenger.SendPartsAsync(openId, late, CancellationToken.None).ConfigureAwait(false);
            });
            await _responder.WriteReplyAsync(response, inbound, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var parts = silent ? [] : WeChatReplyComposer.Compose(outbox);
        var first = parts.Count > 0 ? parts[0] : null;
        _replies.Remember(turn.ReplyKey, first);
        if (parts.Count <= 1)
        {
            await _responder.WriteReplyAsync(response, inbound, first, cancellationToken).ConfigureAwait(false);
            return;
        }
        // The rest goes after the passive reply has gone, so it arrives behind it. It is handed to the background
        // work before the reply leaves, so whoever waits for pending deliveries after the reply (shutdown, tests)
        // finds it.
        var replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = _background.Run(async () =>
        {
            await replied.Task.ConfigureAwait(false);
            await _messenger.SendPartsAsync(openId, parts.Skip(1).ToList(), CancellationToken.None).ConfigureAwait(false);
        });
        try
        {
            await _responder.WriteReplyAsync(response, inbound, first, cancellationToken).ConfigureAwait(false);
            await response.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            replied.TrySetResult();
        }
    }

    private InboundAction? MapOrNull(IReadOnlyDictionary<string, string> fields)
    {
        try { return WeChatMapper.ToAction(fields, _time.GetUtcNow()); }
        catch (WeChatXmlException) { return null; }
    }

    private async Task<string?> WaitForFirstAnswerAsync(CacheKey replyKey, CancellationToken cancellationToken)
    {
        var until = _time.GetUtcNow() + _options.ReplyDeadline;
        while (true)
        {
            bool known;
            string? passive;
            try { (known, passive) = await _replies.GetAsync(replyKey, cancellationToken).ConfigureAwait(false); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store failed after the claim: the first try runs the turn and delivers; this retry says success.
                _logger.LogWarning(e, "Could not read the first answer of a retried WeChat message");
                return null;
            }
            if (known || _time.GetUtcNow() >= until) return passive;
            await Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunTurnAsync(Activity activity, ConcurrentQueue<Activity> outbox, IAsyncDisposable? begun, IBot bot)
    {
        using var context = new TurnContext(this, activity);
        context.TurnState.Add(OutboxKey, outbox);
        if (begun is not null) context.TurnState.Add(IBotPipeline.TurnHeadKey, begun);
        try { await RunPipelineAsync(context, bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false); }
        catch (Exception e) { _logger.LogError(e, "WeChat turn failed"); }
        finally
        {
            // Undone only if the pipeline never took it (a pipeline without the turn lock); taken, it is the turn's.
            if (begun is not null) await begun.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Inside a WeChat turn: collected for the passive reply. Otherwise (proactive): sent now through the customer-service API.</summary>
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray();
        if (turnContext.TurnState.Get<ConcurrentQueue<Activity>>(OutboxKey) is { } outbox)
        {
            foreach (var activity in activities) outbox.Enqueue(activity);
            return responses;
        }
        foreach (var group in activities.Where(a => a.Type == ActivityTypes.Message).GroupBy(a => a.Conversation?.Id ?? a.Recipient?.Id))
        {
            if (string.IsNullOrEmpty(group.Key)) continue;
            var parts = WeChatReplyComposer.Compose(group);
            if (parts.Count > 0) await _messenger.SendPartsAsync(group.Key, parts, cancellationToken).ConfigureAwait(false);
        }
        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("WeChat messages cannot be edited.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("WeChat messages cannot be deleted.");
}
