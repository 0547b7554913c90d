using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Bot.Builder adapter for a WeChat-family account: it runs the pipeline and nothing else. A message's turn runs in
/// a <see cref="ChannelTurnContext"/> carrying the head begun for it, and what the bot says is collected there for
/// the callback's passive reply; outside a turn (proactive) it is sent through the customer-service API. The request
/// itself — checks, claims, the reply deadline, late delivery — is <see cref="WeChatCallbackHandler"/>'s.
/// </summary>
public sealed class WeChatAdapter : BotAdapter
{
    /// <summary>The <c>ChannelId</c> of the default account's activities.</summary>
    public const string ChannelId = "wechat";

    private readonly WeChatMessenger _messenger;
    private readonly ILogger<WeChatAdapter> _logger;

    public WeChatAdapter(IBotPipeline pipeline, [FromKeyedServices] WeChatMessenger messenger, ILogger<WeChatAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _messenger = messenger;
        _logger = logger;
        pipeline.Apply(this);
    }

    /// <summary>
    /// Runs the turn of <paramref name="activity"/> with <paramref name="head"/> (owned from here on: disposed if the
    /// pipeline does not take it) and returns what the bot said, in order — also when the turn failed (its apology).
    /// </summary>
    public async Task<IReadOnlyCollection<Activity>> RunTurnAsync(Activity activity, TurnHead? head, BotCallbackHandler bot, CancellationToken cancellationToken)
    {
        using var context = new ChannelTurnContext(this, activity, head);
        try
        {
            await RunPipelineAsync(context, bot, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The pipeline's error handler answers a failed turn; this is only what escaped it.
            _logger.LogError(e, "WeChat turn failed");
        }
        finally
        {
            if (context.TakeHead() is { } unused) await unused.DisposeAsync().ConfigureAwait(false);
        }
        return context.Outbox;
    }

    /// <summary>Inside a message's turn: collected for the passive reply. Otherwise (proactive): sent now through the customer-service API.</summary>
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray();
        if (turnContext is ChannelTurnContext turn)
        {
            foreach (var activity in activities) turn.Outbox.Enqueue(activity);
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
