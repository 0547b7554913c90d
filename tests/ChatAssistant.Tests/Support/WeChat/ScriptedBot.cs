using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatAssistant.Tests.Support.WeChat;

/// <summary>An <see cref="IBot"/> whose behaviour each test sets; it counts the turns it ran.</summary>
public sealed class ScriptedBot : IBot
{
    private readonly ConcurrentQueue<IActivity> _received = new();

    /// <summary>What a turn does; by default it echoes the text.</summary>
    public Func<ITurnContext, CancellationToken, Task> OnTurn { get; set; } = (turn, ct) =>
        turn.Activity.Type == ActivityTypes.Message ? turn.SendActivityAsync("你说：" + turn.Activity.Text, cancellationToken: ct) : Task.CompletedTask;

    public IReadOnlyList<IActivity> Received => _received.ToArray();

    public int Turns => _received.Count;

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        _received.Enqueue(turnContext.Activity);
        return OnTurn(turnContext, cancellationToken);
    }
}
