using ChatAssistant.Adapters;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatAssistant.Conversation;

/// <summary>
/// The assistant's turn handler: interceptors (crisis, hand-off) first, then global commands, the active
/// flow, intents and menu numbers, and the volunteer guide for everything else.
/// </summary>
public sealed class ChatBot : ActivityHandler
{
    private readonly IStatePropertyAccessor<ConversationData> _data;
    private readonly IStatePropertyAccessor<UserProfile> _profile;
    private readonly IntentRouter _router;
    private readonly FlowEngine _engine;
    private readonly IReadOnlyList<IMessageInterceptor> _interceptors;
    private readonly IFallbackHandler _fallback;
    private readonly IHandoffService _handoff;
    private readonly IReadOnlyList<ISceneHandler> _scenes;

    public ChatBot(
        ConversationState conversationState,
        UserState userState,
        IntentRouter router,
        FlowEngine engine,
        IEnumerable<IMessageInterceptor> interceptors,
        IFallbackHandler fallback,
        IHandoffService handoff,
        IEnumerable<ISceneHandler> scenes)
    {
        _data = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));
        _profile = userState.CreateProperty<UserProfile>(nameof(UserProfile));
        _router = router;
        _engine = engine;
        _interceptors = interceptors.OrderBy(i => i.Order).ToList();
        _fallback = fallback;
        _handoff = handoff;
        _scenes = scenes.ToList();
    }

    /// <summary>The numbered menu built from the registered intents.</summary>
    public string MenuText()
    {
        var lines = _router.Menu.Select((intent, i) => $"{i + 1}. {intent.MenuTitle}");
        return $"{ConversationTexts.MenuHeading}\n{string.Join('\n', lines)}\n{ConversationTexts.MenuFooter}";
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turn, CancellationToken cancellationToken)
    {
        var data = await _data.GetAsync(turn, () => new ConversationData(), cancellationToken);
        var profile = await _profile.GetAsync(turn, () => new UserProfile(), cancellationToken);
        var text = turn.Activity.Text?.Trim() ?? "";

        if (!profile.Welcomed)
        {
            profile.Welcomed = true;
            await SayAsync(turn, ConversationTexts.Welcome, cancellationToken);
            if (text.Length == 0 || IsGreeting(text))
            {
                await SayAsync(turn, MenuText(), cancellationToken);
                return;
            }
        }
        if (text.Length == 0)
        {
            await SayAsync(turn, ConversationTexts.NonText, cancellationToken);
            return;
        }

        foreach (var interceptor in _interceptors)
            if (await interceptor.TryHandleAsync(turn, data, text, cancellationToken)) return;

        if (await HandleGlobalCommandAsync(turn, data, text, cancellationToken)) return;

        var active = _engine.Active(data);
        if (active is not null)
        {
            var match = _router.Match(text);
            var strong = match is not null && (match.Score >= 1000 || (text.Length <= 15 && match.Score >= 40));
            // A strong match interrupts (or, for the flow already running, starts it over).
            if (strong && match!.Intent.Interrupts)
            {
                await StartAsync(turn, data, match.Intent, text, cancellationToken);
                return;
            }
            if (await _engine.ContinueAsync(turn, data, text, cancellationToken)) return;
            // The flow handed the text back as a new request: route it like any message.
            if (_router.Match(text) is { } rerouted)
            {
                await StartAsync(turn, data, rerouted.Intent, text, cancellationToken);
                return;
            }
            await FallbackAsync(turn, data, text, cancellationToken);
            return;
        }

        var intent = Replies.Number(text) is { } number ? _router.ByMenuNumber(number) : _router.Match(text)?.Intent;
        if (intent is not null)
        {
            await StartAsync(turn, data, intent, text, cancellationToken);
            return;
        }

        await FallbackAsync(turn, data, text, cancellationToken);
    }

    private async Task FallbackAsync(ITurnContext turn, ConversationData data, string text, CancellationToken ct)
    {
        if (await _fallback.HandleAsync(turn, data, text, ct))
        {
            data.NotUnderstoodInARow = 0;
            return;
        }
        data.NotUnderstoodInARow++;
        if (data.NotUnderstoodInARow >= 2)
        {
            data.NotUnderstoodInARow = 0;
            await _handoff.RequestAsync(turn, data, HandoffReason.NotUnderstood, ct);
        }
    }

    protected override async Task OnEventActivityAsync(ITurnContext<IEventActivity> turn, CancellationToken cancellationToken)
    {
        var data = await _data.GetAsync(turn, () => new ConversationData(), cancellationToken);
        var value = turn.Activity.Value as string;
        switch (turn.Activity.Name)
        {
            case ChannelEvents.Subscribe:
                var profile = await _profile.GetAsync(turn, () => new UserProfile(), cancellationToken);
                profile.Welcomed = true;
                await SayAsync(turn, ConversationTexts.Welcome, cancellationToken);
                await SayAsync(turn, MenuText(), cancellationToken);
                if (!string.IsNullOrEmpty(value)) await HandleSceneAsync(turn, data, value, cancellationToken);
                break;
            case ChannelEvents.Scan when !string.IsNullOrEmpty(value):
                await HandleSceneAsync(turn, data, value, cancellationToken);
                break;
            case ChannelEvents.MenuClick when !string.IsNullOrEmpty(value):
                var intent = _router.ByMenuKey(value);
                if (intent is null) await SayAsync(turn, MenuText(), cancellationToken);
                else await StartAsync(turn, data, intent, "", cancellationToken);
                break;
        }
    }

    private async Task<bool> HandleGlobalCommandAsync(ITurnContext turn, ConversationData data, string text, CancellationToken ct)
    {
        switch (GlobalCommands.Parse(text))
        {
            case GlobalCommand.Cancel:
                var title = _engine.CancelAll(data);
                data.NotUnderstoodInARow = 0;
                await SayAsync(turn, title is null ? ConversationTexts.NothingToCancel : FlowTexts.Cancelled(title), ct);
                return true;
            case GlobalCommand.Help:
                await SayAsync(turn, MenuText(), ct);
                if (_engine.Active(data) is { } flow) await SayAsync(turn, ConversationTexts.ResumeHint(flow.Title), ct);
                return true;
            case GlobalCommand.Human:
                await _handoff.RequestAsync(turn, data, HandoffReason.UserAsked, ct);
                return true;
            case GlobalCommand.Resume:
                if (_engine.Active(data) is null) await SayAsync(turn, ConversationTexts.NothingToResume, ct);
                else await _engine.RepromptAsync(turn, data, ct);
                return true;
            default:
                return false;
        }
    }

    private Task StartAsync(ITurnContext turn, ConversationData data, Intent intent, string text, CancellationToken ct)
    {
        data.NotUnderstoodInARow = 0;
        var slots = new Dictionary<string, string>(intent.Slots ?? new Dictionary<string, string>()) { ["utterance"] = text };
        return _engine.StartAsync(turn, data, intent.FlowId, slots, ct);
    }

    private async Task HandleSceneAsync(ITurnContext turn, ConversationData data, string scene, CancellationToken ct)
    {
        var handler = _scenes.FirstOrDefault(s => s.CanHandle(scene));
        if (handler is null) await SayAsync(turn, ConversationTexts.UnknownScene, ct);
        else await handler.HandleAsync(turn, data, scene, ct);
    }

    private static bool IsGreeting(string text) =>
        Replies.Normalize(text).ToLowerInvariant() is "你好" or "您好" or "hi" or "hello" or "在吗" or "在么" or "嗨" or "哈喽";

    private static Task SayAsync(ITurnContext turn, string text, CancellationToken ct) =>
        turn.SendActivityAsync(MessageFactory.Text(text), ct);
}
