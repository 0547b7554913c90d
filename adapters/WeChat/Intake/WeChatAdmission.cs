using ChatAssistant.Adapters.Coordination;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Decides whether a verified message runs a turn: its replay claim (the signed query once, or again only with the
/// same body: WeChat's retry), in the same round trip its dedupe claim (WeChat's retries never run a turn twice),
/// and, for a message that would run one, the turn's first store commands (the lock attempt and the session read,
/// <see cref="IBotPipeline.BeginTurn"/>) and, with a shared cache, the sender's count for the flood guard issued into
/// the same <see cref="StoreBatch"/>; then the sender's rate limit. Every message that does not run its turn undoes
/// that head (a lock it won is released at once).
/// </summary>
public sealed class WeChatAdmission(
    IKeyValueCache cache, IBotPipeline pipeline, [FromKeyedServices] WeChatReplyCache replies,
    [FromKeyedServices] WeChatUserRateLimit rateLimit, [FromKeyedServices] WeChatAccount account, ILogger<WeChatAdmission> logger)
{
    // WeChat sends a message up to three times, 5 s apart, each try signed anew; a minute covers the tries with room.
    internal static readonly TimeSpan RetrySpread = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Claims <paramref name="inbound"/>'s replay key and, for a turn, its dedupe key; <paramref name="action"/> is the
    /// message mapped (null: it does not map, which is answered 400 once the replay check passed).
    /// </summary>
    internal async Task<Admission> AdmitAsync(WeChatInbound inbound, InboundAction? action, CancellationToken cancellationToken)
    {
        var turn = action as InboundAction.RunTurn;
        // The replay key lives exactly as long as the query can pass the timestamp check: one window for a fresh
        // message, instead of two for every message (docs/PERFORMANCE.md). The dedupe key is what stops a second turn
        // when any try of the message is replayed with its own body (the replay check lets an identical body through:
        // it may be WeChat's retry), so it lives as long as the latest try can pass the checks: this try's lifetime
        // plus the spread of WeChat's tries, ~6 minutes for a fresh message.
        var replay = new KeyClaim(WeChatKeys.Replay(inbound.Query.Timestamp!, inbound.Query.ReplaySignature), inbound.BodyHash, inbound.PassesFor, SameValueCounts: true);
        KeyClaim[] claims = turn is null ? [replay] : [replay, new KeyClaim(turn.DedupeKey, "1", inbound.PassesFor + RetrySpread)];
        TurnHead? head = null;
        Task<long>? counted = null;
        try
        {
            int claimed;
            try
            {
                Task<int> claiming;
                // The turn's lock attempt and state read go into the batch ahead of the claim, and the three leave in
                // one write: one round trip instead of two. Each round trip saved is a few wake-ups of the server,
                // Redis and their threads per message (docs/PERFORMANCE.md, step 29). Not the request's token: once the
                // claim is on its way the message is taken, and a sender hanging up now must not leave it claimed with
                // no turn (its retry would then find nothing to answer with).
                using (var batch = cache.BeginBatch())
                {
                    head = turn is null ? null : pipeline.BeginTurn(turn.Activity, batch);
                    // An unsubscribe is never refused, so it is not counted either.
                    if (turn is not null && turn.Activity.Name != ChannelEvents.Unsubscribe) counted = rateLimit.Count(turn.Activity.From.Id, batch);
                    claiming = cache.ClaimInOrderAsync(claims, batch, CancellationToken.None);
                }
                claimed = await claiming.ConfigureAwait(false);
            }
            catch (StorageUnavailableException e)
            {
                // Neither replay nor dedupe can be checked, so no turn may run. The message is signed and well-formed,
                // so it is still answered (a short busy reply) instead of a 500, which WeChat shows the user as
                // "该公众号暂时无法提供服务".
                logger.LogWarning(e, "WeChat message answered busy: the shared store is unavailable, no turn ran");
                Telemetry.AssistantTelemetry.StoreFailure("redis");
                return Busy(action);
            }

            if (claimed == 0) return new Admission.Refused(StatusCodes.Status403Forbidden, "replay");
            if (action is null) return new Admission.Refused(StatusCodes.Status400BadRequest, "message");
            if (turn is null) return new Admission.Answered((action as InboundAction.Reply)?.Text);
            if (claimed == 1) return new Admission.Retry(turn.ReplyKey);
            var allowed = turn.Activity.Name == ChannelEvents.Unsubscribe || await rateLimit.AllowsAsync(turn.Activity.From.Id, counted).ConfigureAwait(false);
            counted = null; // observed
            if (!allowed)
            {
                // Claimed, so WeChat's retries of it get the same answer and run nothing either.
                logger.LogInformation("WeChat message not handled: its sender is over {PerMinute} messages a minute", account.Options.UserMessagesPerMinute);
                replies.Remember(turn.ReplyKey, WeChatTexts.TooFast);
                return new Admission.Answered(WeChatTexts.TooFast);
            }
            var admitted = new Admission.Admitted(turn, head);
            head = null; // the turn owns it now
            return admitted;
        }
        finally
        {
            WeChatUserRateLimit.Forget(counted);
            if (head is not null) await head.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Admission Busy(InboundAction? action) => action switch
    {
        null => new Admission.Refused(StatusCodes.Status400BadRequest, "message"),
        InboundAction.Reply direct => new Admission.Answered(direct.Text),
        InboundAction.RunTurn { Activity.Name: ChannelEvents.Unsubscribe } => new Admission.Answered(null), // nobody to reach
        InboundAction.RunTurn => new Admission.Answered(ChannelTexts.Busy),
        _ => new Admission.Answered(null),
    };
}
