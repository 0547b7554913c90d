using ChatAssistant.Adapters.Telemetry;
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
public sealed class WeChatCallbackHandler(
    [FromKeyedServices] WeChatAccount account, [FromKeyedServices] WeChatUrlCheck urlCheck, [FromKeyedServices] WeChatRequestVerifier verifier,
    [FromKeyedServices] WeChatAdmission admission, [FromKeyedServices] WeChatTurnRunner turns, [FromKeyedServices] WeChatReplyCache replies,
    [FromKeyedServices] WeChatResponder responder, [FromKeyedServices] WeChatLateDelivery late, TimeProvider time, ILogger<WeChatCallbackHandler> logger)
{
    /// <summary>Handles one callback (GET URL check or POST message) and writes the answer.</summary>
    public async Task HandleAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(bot);
        if (!account.Options.Enabled)
        {
            logger.LogWarning(account.Kind == WeChatAccountKind.WeComApp
                ? "WeCom callback refused: the app is not configured (set the WeCom: settings)"
                : "WeChat callback refused: the channel is not configured (set WeChat:Token and WeChat:AppId)");
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (HttpMethods.IsGet(request.Method))
        {
            var echo = await urlCheck.EchoAsync(WeChatQuery.From(request.Query, account.AlwaysEncrypted), cancellationToken).ConfigureAwait(false);
            if (echo is null) logger.LogWarning("WeChat URL verification refused");
            await responder.WritePlainAsync(response, echo, echo is null ? StatusCodes.Status403Forbidden : 200, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The intake span: verify, map, admit (the claim's round trip). Its tags are codes, never the sender or the text.
        var intake = AssistantTelemetry.Start("wechat intake");
        intake?.SetTag("chatassistant.account", account.Name);
        Admission admitted;
        WeChatInbound inbound;
        try
        {
            inbound = await verifier.VerifyAsync(request, cancellationToken).ConfigureAwait(false);
            if (!inbound.Accepted)
            {
                intake?.SetTag("chatassistant.outcome", inbound.Reason);
                Refuse(response, inbound.Status, inbound.Reason);
                return;
            }
            var action = WeChatMapper.TryToAction(inbound.Fields!, time.GetUtcNow(), account.ChannelId);
            admitted = await admission.AdmitAsync(inbound, action, cancellationToken).ConfigureAwait(false);
            intake?.SetTag("chatassistant.outcome", admitted.GetType().Name.ToLowerInvariant());
        }
        finally
        {
            intake?.Dispose();
        }
        switch (admitted)
        {
            case Admission.Refused refused:
                Refuse(response, refused.Status, refused.Reason);
                return;
            case Admission.Answered answered:
                await responder.WriteReplyAsync(response, inbound, answered.Text, cancellationToken).ConfigureAwait(false);
                return;
            case Admission.Retry retry:
                var first = await replies.FirstAnswerAsync(retry.ReplyKey, cancellationToken).ConfigureAwait(false);
                await responder.WriteReplyAsync(response, inbound, first, cancellationToken).ConfigureAwait(false);
                return;
            case Admission.Admitted turn:
                AssistantTelemetry.Message(account.Name, account.ChannelId);
                await RunTurnAsync(response, inbound, turn, bot, cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    private void Refuse(HttpResponse response, int status, string reason)
    {
        logger.LogWarning("WeChat callback refused with {Status}: {Reason}", status, reason);
        response.StatusCode = status;
    }

    private async Task RunTurnAsync(HttpResponse response, WeChatInbound inbound, Admission.Admitted admitted, IBot bot, CancellationToken cancellationToken)
    {
        var turn = admitted.Turn;
        var openId = turn.Activity.From.Id;
        var running = turns.Start(turn, admitted.Head, bot);
        if (!await turns.FinishesInTimeAsync(running).ConfigureAwait(false))
        {
            logger.LogInformation("WeChat turn slower than {Deadline}; answering success and delivering later", account.Options.ReplyDeadline);
            replies.Remember(turn.ReplyKey, null);
            late.Send(openId, running);
            await responder.WriteReplyAsync(response, inbound, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var parts = await running.ConfigureAwait(false);
        var passive = parts.Count > 0 ? parts[0] : null;
        replies.Remember(turn.ReplyKey, passive);
        if (parts.Count <= 1)
        {
            await responder.WriteReplyAsync(response, inbound, passive, cancellationToken).ConfigureAwait(false);
            return;
        }
        // The rest goes after the passive reply has gone, so it arrives behind it. It is handed to delivery before the
        // reply leaves, so whoever waits for pending deliveries after the reply (shutdown, tests) finds it.
        var replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        late.SendAfter(replied.Task, openId, parts.Skip(1).ToList());
        try
        {
            await responder.WriteReplyAsync(response, inbound, passive, cancellationToken).ConfigureAwait(false);
            await response.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            replied.TrySetResult();
        }
    }
}
