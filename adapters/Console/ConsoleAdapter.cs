using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatAssistant.Adapters.Console;

/// <summary>
/// Chats with the bot in a terminal: each line typed is a message from one local user; everything the
/// bot says is printed. Same bot, same stores and same middleware as WeChat. "exit" leaves.
/// </summary>
public sealed class ConsoleAdapter : BotAdapter
{
    public const string ChannelId = "console";
    private readonly TextReader _input;
    private readonly TextWriter _output;

    public ConsoleAdapter(IBotPipeline pipeline, TextReader input, TextWriter output)
    {
        _input = input;
        _output = output;
        pipeline.Apply(this);
    }

    /// <summary>Reads lines until "exit" or the end of input, running one turn per line.</summary>
    public async Task RunAsync(IBot bot, string userId, CancellationToken cancellationToken)
    {
        await _output.WriteLineAsync("团团小助手（终端）。输入消息与助手对话，输入 exit 退出。");
        while (!cancellationToken.IsCancellationRequested)
        {
            await _output.WriteAsync("你> ");
            await _output.FlushAsync(cancellationToken);
            var line = await _input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim().Equals("exit", StringComparison.OrdinalIgnoreCase)) break;
            if (line.Trim().Length == 0) continue;
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Id = Guid.NewGuid().ToString("N"),
                Text = line,
                ChannelId = ChannelId,
                From = new ChannelAccount(userId, "你"),
                Recipient = new ChannelAccount("bot", "团团小助手"),
                Conversation = new ConversationAccount(id: userId),
                Timestamp = DateTimeOffset.UtcNow,
                Locale = "zh-CN",
            };
            using var turn = new TurnContext(this, activity);
            await RunPipelineAsync(turn, bot.OnTurnAsync, cancellationToken);
        }
        await _output.WriteLineAsync("再见！");
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            if (activity.Type == ActivityTypes.Message && !string.IsNullOrEmpty(activity.Text))
                await _output.WriteLineAsync("助手> " + activity.Text.Replace("\n", "\n      ", StringComparison.Ordinal));
            responses.Add(new ResourceResponse(activity.Id ?? Guid.NewGuid().ToString("N")));
        }
        await _output.FlushAsync(cancellationToken);
        return responses.ToArray();
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A terminal cannot edit printed messages.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A terminal cannot delete printed messages.");
}
