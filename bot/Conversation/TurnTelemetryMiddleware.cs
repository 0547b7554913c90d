using ChatAssistant.Adapters.Telemetry;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation;

/// <summary>
/// First in every adapter's pipeline: the turn's span (<c>turn</c>, child of the channel's intake) and its duration
/// (<c>chatassistant.turn.duration</c>, by channel). Tags are the channel and the activity's type, never the sender or
/// the text.
/// </summary>
public sealed class TurnTelemetryMiddleware(TimeProvider time, IEnumerable<ITurnOutcomeListener> listeners) : Microsoft.Bot.Builder.IMiddleware
{
    private readonly ITurnOutcomeListener[] _listeners = listeners.ToArray();

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var channel = ChannelOf(turnContext.Activity.ChannelId);
        using var span = AssistantTelemetry.Start("turn");
        span?.SetTag("chatassistant.channel", channel);
        span?.SetTag("chatassistant.activity", turnContext.Activity.Type);
        var started = time.GetTimestamp();
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            AssistantTelemetry.Turn(channel, time.GetElapsedTime(started));
        }
        // Only a turn that finished: a failed one is the error handler's (and counted there as a store failure).
        var answer = TurnAnswer.Of(turnContext);
        if (answer is { } given) AssistantTelemetry.Answer(given.Kind);
        foreach (var listener in _listeners) listener.Finished(turnContext, answer);
    }

    // A further WeChat account's channel id is "wechat:<AppID>": the metric keeps the channel's kind (the account is on
    // the message counter).
    private static string ChannelOf(string? channelId)
    {
        if (string.IsNullOrEmpty(channelId)) return "unknown";
        var colon = channelId.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? channelId : channelId[..colon];
    }
}
