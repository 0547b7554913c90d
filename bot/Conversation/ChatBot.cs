using ChatAssistant.Adapters;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Conversation;

/// <summary>
/// The assistant's turn handler: interceptors (crisis, hand-off) first, then global commands, the active
/// flow (ChatBot.ActiveFlow.cs), intents and menu numbers, and the volunteer guide for everything else.
/// </summary>
public sealed partial class ChatBot : ActivityHandler
{
    private readonly IStatePropertyAccessor<ConversationData> _data;
    private readonly IStatePropertyAccessor<UserProfile> _profile;
    private readonly IntentRouter _router;
    private readonly MessageRouter _messages;
    private readonly IUserRoles _roles;
    private readonly FlowEngine _engine;
    private readonly IReadOnlyList<IMessageInterceptor> _interceptors;
    private readonly IFallbackHandler _fallback;
    private readonly IHandoffService _handoff;
    private readonly IReadOnlyList<ISceneHandler> _scenes;
    private readonly ILogger<ChatBot> _log;
    private readonly AccountNames _names;

    public ChatBot(
        ConversationState conversationState,
        UserState userState,
        IntentRouter router,
        MessageRouter messages,
        IUserRoles roles,
        FlowEngine engine,
        IEnumerable<IMessageInterceptor> interceptors,
        IFallbackHandler fallback,
        IHandoffService handoff,
        IEnumerable<ISceneHandler> scenes,
        AccountNames names,
        ILogger<ChatBot> log)
    {
        _names = names;
        _data = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));
        _profile = userState.CreateProperty<UserProfile>(nameof(UserProfile));
        _router = router;
        _messages = messages;
        _roles = roles;
        _engine = engine;
        _interceptors = interceptors.OrderBy(i => i.Order).ToList();
        _fallback = fallback;
        _handoff = handoff;
        _scenes = scenes.ToList();
        _log = log;
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
        var route = await RouteMessageAsync(turn, data, cancellationToken);
        if (turn.Responded) return;
        // Every message gets an answer, except while a person has the conversation. The route names code, never
        // the user or the text; it is how a silent turn is traced.
        if (data.InHandoff)
            _log.LogDebug("Message forwarded to staff without a bot answer (route {Route})", route);
        else
            _log.LogWarning("A message got no answer (route {Route}, active flow {Flow})", route, _engine.Active(data)?.Id ?? "none");
    }

    /// <summary>Handles a user message; returns which part of the bot took it (for the log, see above).</summary>
    private async Task<string> RouteMessageAsync(ITurnContext<IMessageActivity> turn, ConversationData data, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Text?.Trim() ?? "";

        if (!await AlreadyWelcomedAsync(turn, data, cancellationToken))
        {
            await SayAsync(turn, ConversationTexts.WelcomeTo(_names.For(turn.Activity.ChannelId)), cancellationToken);
            if (text.Length == 0 || IsGreeting(text))
            {
                await SayAsync(turn, MenuText(), cancellationToken);
                data.MenuShown = true;
                return "welcome";
            }
        }
        if (text.Length == 0)
        {
            // With a person: an image (or any other non-text message) is noted on the transcript for them, so a member
            // answering from the phone learns of it; the bot says nothing more than it says to any message for staff.
            if (data.InHandoff && turn.Activity.Attachments is { Count: > 0 } attachments)
            {
                await _handoff.LeftToStaffAsync(turn, data, ConversationTexts.NonTextForStaff(attachments[0].ContentType), cancellationToken);
                return "non-text for staff";
            }
            await SayAsync(turn, ConversationTexts.NonText, cancellationToken);
            return "non-text";
        }

        var menuShown = data.MenuShown;
        data.MenuShown = false;
        // The last answer offered a person: only this message can accept it.
        var offer = data.HandoffOffer;
        data.HandoffOffer = null;

        foreach (var interceptor in _interceptors)
            if (await interceptor.TryHandleAsync(turn, data, text, cancellationToken)) return interceptor.GetType().Name;

        if (offer is not null && await _handoff.TryAcceptOfferAsync(turn, data, offer, text, cancellationToken)) return "accepted hand-off";

        // "算了" to a 是/否 question answers it (the step's own refusal), rather than cancelling as a command.
        var answersNo = Replies.IsNo(text) && _engine.AwaitsYesNo(data);
        if (!answersNo && await HandleGlobalCommandAsync(turn, data, text, cancellationToken)) return "global command";

        if (_engine.Active(data) is not null) return await RouteInFlowAsync(turn, data, text, menuShown, cancellationToken);
        return await RouteNewAsync(turn, data, text, menuShown, cancellationToken);
    }

    /// <summary>
    /// A message while no flow runs: a menu number, a request, a time from a bound delegate, or the guide — as
    /// <see cref="MessageRouter"/> decides from the message and who sent it.
    /// </summary>
    private async Task<string> RouteNewAsync(ITurnContext turn, ConversationData data, string text, bool menuShown, CancellationToken cancellationToken)
    {
        var route = _messages.Decide(text, _roles.Of(turn.Activity.From?.Id ?? ""), turn.Activity.ChannelId);
        switch (route.Kind)
        {
            case RouteKind.MenuNumber:
                var fromMenu = route.Intent!;
                // A bare number long after the menu was shown may mean anything: ask before starting a flow that
                // would take the next message as its answer. A look-up that asks nothing just answers.
                if (!menuShown && _engine.AsksSomething(fromMenu.FlowId))
                {
                    await AskBeforeStartAsync(turn, data, fromMenu, text, AskBeforeStartFlow.MenuNumber, fromMenu.MenuTitle ?? "", cancellationToken, route.Number);
                    return "menu number asked " + fromMenu.FlowId;
                }
                await StartAsync(turn, data, fromMenu, text, cancellationToken);
                return "intent " + fromMenu.FlowId;
            case RouteKind.Intent:
            case RouteKind.Time:
                await StartAsync(turn, data, route.Intent!, text, cancellationToken);
                return (route.Kind == RouteKind.Time ? "time " : "intent ") + route.Intent!.FlowId;
            case RouteKind.Command when await HandleGlobalCommandAsync(turn, data, text, cancellationToken):
                return "global command";
        }

        await FallbackAsync(turn, data, text, cancellationToken);
        return "fallback";
    }

    // Not understanding is never a reason to hand over by itself (two emoji would): the answer offers a person, and
    // the user decides (TryAcceptOfferAsync above). With a person already, what self-service does not answer is theirs.
    private async Task FallbackAsync(ITurnContext turn, ConversationData data, string text, CancellationToken ct)
    {
        if (data.InHandoff)
        {
            await _handoff.LeftToStaffAsync(turn, data, text, ct);
            return;
        }
        if (!await _fallback.HandleAsync(turn, data, text, ct) && data.Flows.Count == 0) _handoff.Offer(turn, data, text);
    }

    protected override async Task OnEventActivityAsync(ITurnContext<IEventActivity> turn, CancellationToken cancellationToken)
    {
        var data = await _data.GetAsync(turn, () => new ConversationData(), cancellationToken);
        var value = turn.Activity.Value as string;
        data.HandoffOffer = null; // a tap is not a yes to the offer
        switch (turn.Activity.Name)
        {
            case ChannelEvents.Subscribe:
                await AlreadyWelcomedAsync(turn, data, cancellationToken); // a follow always greets; this records it
                await SayAsync(turn, ConversationTexts.WelcomeTo(_names.For(turn.Activity.ChannelId)), cancellationToken);
                await SayAsync(turn, MenuText(), cancellationToken);
                data.MenuShown = true;
                if (!string.IsNullOrEmpty(value)) await HandleSceneAsync(turn, data, value, cancellationToken);
                break;
            case ChannelEvents.Scan when !string.IsNullOrEmpty(value):
                // Not held during a hand-off: a scene (the studio's door code) is a one-shot action that asks
                // nothing, and a delegate waiting for staff still checks in.
                await HandleSceneAsync(turn, data, value, cancellationToken);
                break;
            case ChannelEvents.MenuClick when !string.IsNullOrEmpty(value):
                var intent = _router.ByMenuKey(value);
                // With a person, a menu entry is self-service: noted for staff, and its flow keeps the answers it asks for.
                await _handoff.SelfServiceAsync(turn, data, intent?.MenuTitle ?? value, cancellationToken);
                if (intent is null)
                {
                    await SayAsync(turn, MenuText(), cancellationToken);
                    data.MenuShown = true;
                }
                else await StartOrResumeAsync(turn, data, intent, "", cancellationToken);
                break;
        }
    }

    private async Task<bool> HandleGlobalCommandAsync(ITurnContext turn, ConversationData data, string text, CancellationToken ct)
    {
        switch (GlobalCommands.Parse(text))
        {
            case GlobalCommand.Cancel:
                // Ends the flow on top; one underneath holding the user's answers goes on (the engine says so).
                var cancelled = await _engine.CancelAsync(turn, data, ct);
                if (!cancelled.Resumed)
                    await SayAsync(turn, cancelled.Title is null ? ConversationTexts.NothingToCancel : FlowTexts.Cancelled(cancelled.Title), ct);
                return true;
            case GlobalCommand.Help:
                await SayAsync(turn, MenuText(), ct);
                if (_engine.Active(data) is { } flow) await SayAsync(turn, ConversationTexts.ResumeHint(flow.Title), ct);
                data.MenuShown = true;
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
        var slots = new Dictionary<string, string>(intent.Slots ?? new Dictionary<string, string>()) { [FlowSlots.Utterance] = text };
        return _engine.StartAsync(turn, data, intent.FlowId, slots, ct);
    }

    private async Task HandleSceneAsync(ITurnContext turn, ConversationData data, string scene, CancellationToken ct)
    {
        var handler = _scenes.FirstOrDefault(s => s.CanHandle(scene));
        if (handler is null) await SayAsync(turn, ConversationTexts.UnknownScene, ct);
        else await handler.HandleAsync(turn, data, scene, ct);
    }

    /// <summary>
    /// True when the user was greeted before; otherwise records the greeting (the caller says it). The user's
    /// state is loaded only when the conversation does not know (a new user, or a cleared conversation).
    /// </summary>
    private async Task<bool> AlreadyWelcomedAsync(ITurnContext turn, ConversationData data, CancellationToken ct)
    {
        if (data.Welcomed) return true;
        data.Welcomed = true;
        var profile = await _profile.GetAsync(turn, () => new UserProfile(), ct);
        if (profile.Welcomed) return true;
        profile.Welcomed = true;
        return false;
    }

    private static bool IsGreeting(string text) =>
        Replies.Normalize(text).ToLowerInvariant() is "你好" or "您好" or "hi" or "hello" or "在吗" or "在么" or "嗨" or "哈喽";

    private static Task SayAsync(ITurnContext turn, string text, CancellationToken ct) =>
        turn.SendActivityAsync(MessageFactory.Text(text), ct);
}
