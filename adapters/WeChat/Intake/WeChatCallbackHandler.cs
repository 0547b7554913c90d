using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// One callback of a WeChat-family account, in one direction: verify (<see cref="WeChatRequestVerifier"/>) → map
/// (<see cref="WeChatMapper"/>) → admit (<see cref="WeChatAdmission"/>: replay, dedupe, rate limit, and the turn's
/// lock attempt and state read in the claim's round trip) → run the turn (<see cref="WeChatTurnRunner"/> through
/// <see cref="WeChatAdapter"/> and the pipeline) → compose and respond (<see cref="WeChatResponder"/>, remembering the
/// answer for WeChat's retries in <see cref="WeChatReplyCache"/>) → hand what is late to delivery
/// (<see cref="WeChatLateDelivery"/>). The GET URL check is <see cref="WeChatUrlCheck"/>'s.
/// </summary>
public sealed class WeChatCallbackHandler
{
    private readonly WeChatAccount _account;
    private readonly WeChatUrlCheck _urlCheck;
    private readonly WeChatRequestVerifier _verifier;
    private readonly WeChatAdmission _admission;
    private readonly WeChatTurnRunner _turns;
    private readonly WeChatReplyCache _replies;
    private readonly WeChatResponder _responder;
    private readonly WeChatLateDelivery _late;
    private readonly TimeProvider _time;
    private readonly ILogger<WeChatCallbackHandler> _logger;

    /// <summary>Built by DI for one account (see <see cref="WeChatAccount"/>).</summary>
    public WeChatCallbackHandler(
        [FromKeyedServices] WeChatAccount account, [FromKeyedServices] WeChatUrlCheck urlCheck, [FromKeyedServices] WeChatRequestVerifier verifier,
        [FromKeyedServices] WeChatAdmission admission, [FromKeyedServices] WeChatTurnRunner turns, [FromKeyedServices] WeChatReplyCache replies,
        [FromKeyedServices] WeChatResponder responder, [FromKeyedServices] WeChatLateDelivery late, TimeProvider time, ILogger<WeChatCallbackHandler> logger)
    {
        (_account, _urlCheck, _verifier, _admission, _turns) = (account, urlCheck, verifier, admission, turns);
        (_replies, _responder, _late, _time, _logger) = (replies, responder, late, time, logger);
    }

    /// <summary>Handles one callback (GET URL check or POST message) and writes the answer.</summary>
    public async Task HandleAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(bot);
        if (!_account.Options.Enabled)
        {
            _logger.LogWarning("WeChat callback refused: the channel is not configured (set WeChat:Token and WeChat:AppId)");
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (HttpMethods.IsGet(request.Method))
        {
            var echo = await _urlCheck.EchoAsync(WeChatQuery.From(request.Query), cancellationToken).ConfigureAwait(false);
            if (echo is null) _logger.LogWarning("WeChat URL verification refused");
            await _responder.WritePlainAsync(response, echo, echo is null ? StatusCodes.Status403Forbidden : 200, cancellationToken).ConfigureAwait(false);
            return;
        }

        var inbound = await _verifier.VerifyAsync(request, cancellationToken).ConfigureAwait(false);
        if (!inbound.Accepted)
        {
            Refuse(response, inbound.Status, inbound.Reason);
            return;
        }
        var action = WeChatMapper.TryToAction(inbound.Fields!, _time.GetUtcNow(), _account.ChannelId);
        switch (await _admission.AdmitAsync(inbound, action, cancellationToken).ConfigureAwait(false))
        {
            case Admission.Refused refused:
                Refuse(response, refused.Status, refused.Reason);
                return;
            case Admission.Answered answered:
                await _responder.WriteReplyAsync(response, inbound, answered.Text, cancellationToken).ConfigureAwait(false);
                return;
            case Admission.Retry retry:
                var first = await _replies.FirstAnswerAsync(retry.ReplyKey, cancellationToken).ConfigureAwait(false);
                await _responder.WriteReplyAsync(response, inbound, first, cancellationToken).ConfigureAwait(false);
                return;
            case Admission.Admitted admitted:
                await RunTurnAsync(response, inbound, admitted, bot, cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    private void Refuse(HttpResponse response, int status, string reason)
    {
        _logger.LogWarning("WeChat callback refused with {Status}: {Reason}", status, reason);
        response.StatusCode = status;
    }

    private async Task RunTurnAsync(HttpResponse response, WeChatInbound inbound, Admission.Admitted admitted, IBot bot, CancellationToken cancellationToken)
    {
        var turn = admitted.Turn;
        var openId = turn.Activity.From.Id;
        var running = _turns.Start(turn, admitted.Head, bot);
        if (!await _turns.FinishesInTimeAsync(running).ConfigureAwait(false))
        {
            _logger.LogInformation("WeChat turn slower than {Deadline}; answering success and delivering later", _account.Options.ReplyDeadline);
            _replies.Remember(turn.ReplyKey, null);
            _late.Send(openId, running);
            await _responder.WriteReplyAsync(response, inbound, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var parts = await running.ConfigureAwait(false);
        var passive = parts.Count > 0 ? parts[0] : null;
        _replies.Remember(turn.ReplyKey, passive);
        if (parts.Count <= 1)
        {
            await _responder.WriteReplyAsync(response, inbound, passive, cancellationToken).ConfigureAwait(false);
            return;
        }
        // The rest goes after the passive reply has gone, so it arrives behind it. It is handed to delivery before the
        // reply leaves, so whoever waits for pending deliveries after the reply (shutdown, tests) finds it.
        var replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _late.SendAfter(replied.Task, openId, parts.Skip(1).ToList());
        try
        {
            await _responder.WriteReplyAsync(response, inbound, passive, cancellationToken).ConfigureAwait(false);
            await response.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            replied.TrySetResult();
        }
    }
}
