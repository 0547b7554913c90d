using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Adapters.Web;

/// <summary>
/// Bot.Builder adapter for the web chat at <c>/</c>: runs one message's turn through the shared pipeline and returns
/// the texts the bot said, in order, for the HTTP answer. Nothing is sent outside a turn here: the web chat's staff
/// replies and reminders go to its inbox (an <see cref="IChannelMessenger"/>), which the page polls.
/// </summary>
public sealed class WebChatAdapter : BotAdapter
{
    /// <summary>The <c>ChannelId</c> of web chat activities.</summary>
    public const string ChannelId = "webchat";

    private readonly ILogger<WebChatAdapter> _logger;

    public WebChatAdapter(IBotPipeline pipeline, ILogger<WebChatAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _logger = logger;
        pipeline.Apply(this);
    }

    /// <summary>A text message from <paramref name="visitorId"/> as the bot's activity.</summary>
    public static Activity Message(string visitorId, string text, DateTimeOffset at) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        Text = text,
        ChannelId = ChannelId,
        From = new ChannelAccount(visitorId),
        Recipient = new ChannelAccount("bot", "团团小助手"),
        Conversation = new ConversationAccount(id: visitorId),
        Timestamp = at,
        Locale = "zh-CN",
    };

    /// <summary>Runs the turn and returns what the bot said (also a failed turn's apology).</summary>
    public async Task<IReadOnlyList<string>> RunTurnAsync(Activity activity, BotCallbackHandler bot, CancellationToken cancellationToken)
    {
        using var context = new ChannelTurnContext(this, activity, head: null);
        try
        {
            await RunPipelineAsync(context, bot, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The pipeline's error handler answers a failed turn; this is only what escaped it.
            _logger.LogError(e, "Web chat turn failed");
        }
        return context.Outbox
            .Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(a.Text))
            .Select(a => a.Text)
            .ToList();
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (turnContext is ChannelTurnContext turn)
            foreach (var activity in activities) turn.Outbox.Enqueue(activity);
        return Task.FromResult(activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray());
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Web chat messages cannot be edited.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Web chat messages cannot be deleted.");
}
