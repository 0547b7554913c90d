using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Sends messages outside a passive reply — the rest of a long turn, late turns, staff replies, reminders —
/// under WeChat's window and quota rules. Whatever cannot be sent is recorded in
/// <see cref="IUndeliveredMessageStore"/> with the reason, never dropped — unless the caller records the
/// failure itself (<c>recordFailure: false</c>), as ticket and hand-off replies do in their own encrypted history.
/// </summary>
public class WeChatMessenger(
    [FromKeyedServices] WeChatApi api, [FromKeyedServices] WeChatDeliveryPolicy policy, IUndeliveredMessageStore undelivered, TimeProvider time, ILogger<WeChatMessenger> logger)
{
    /// <summary>Sends <paramref name="text"/> (split into WeChat-sized messages) through the customer-service API.</summary>
    public virtual Task<WeChatApiResult> SendTextAsync(string openId, string text, CancellationToken cancellationToken, bool recordFailure = true) =>
        SendPartsAsync(openId, WeChatReplyComposer.Pack([text]), cancellationToken, recordFailure);

    /// <summary>Sends prepared parts in order; after the first failure the rest are not attempted, and are recorded unless <paramref name="recordFailure"/> is false.</summary>
    public virtual async Task<WeChatApiResult> SendPartsAsync(string openId, IReadOnlyList<string> parts, CancellationToken cancellationToken, bool recordFailure = true)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            var result = await GuardAsync(async () => await policy.TryReserveAsync(openId, cancellationToken).ConfigureAwait(false)
                ?? await api.SendCustomTextAsync(openId, parts[i], cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (result.Succeeded) continue;
            if (!recordFailure)
            {
                logger.LogWarning("Customer-service send failed with {ErrCode}; the caller keeps the failure", result.ErrCode);
                return result;
            }
            logger.LogWarning("Customer-service send failed with {ErrCode}; {Count} message(s) recorded as undelivered", result.ErrCode, parts.Count - i);
            foreach (var part in parts.Skip(i)) Record(openId, "custom", part, result);
            return result;
        }
        return WeChatApiResult.Ok;
    }

    /// <summary>Sends a template message (not bound by the 48-hour window); a failure is recorded unless <paramref name="recordFailure"/> is false (the caller falls back).</summary>
    public virtual async Task<WeChatApiResult> SendTemplateAsync(WeChatTemplateMessage message, CancellationToken cancellationToken, bool recordFailure = true)
    {
        var result = await GuardAsync(() => api.SendTemplateAsync(message, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && recordFailure)
        {
            logger.LogWarning("Template send failed with {ErrCode}; recorded as undelivered", result.ErrCode);
            var text = message.TemplateId + ": " + string.Join("；", message.Data.Select(p => $"{p.Key}={p.Value}"));
            Record(message.OpenId, "template", text, result);
        }
        return result;
    }

    // The window counter and the shared token live in the shared store (Redis): when it fails the message is not
    // sent, and it must be recorded like any refusal, not lost with an exception in a background delivery.
    private async Task<WeChatApiResult> GuardAsync(Func<Task<WeChatApiResult>> send, CancellationToken cancellationToken)
    {
        try
        {
            var result = await send().ConfigureAwait(false);
            if (!result.Succeeded) Telemetry.AssistantTelemetry.UndeliveredMessage(result.ErrCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Customer-service send not attempted: the shared store is unavailable");
            Telemetry.AssistantTelemetry.UndeliveredMessage(WeChatApiResult.StoreUnavailable.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new WeChatApiResult(WeChatApiResult.StoreUnavailable, e.GetType().Name);
        }
    }

    private void Record(string openId, string kind, string text, WeChatApiResult result) => undelivered.Add(new UndeliveredMessage(
        Guid.NewGuid().ToString("N"), openId, kind, text, result.ErrCode, WeChatTexts.FailureReason(result), time.GetUtcNow()));
}
