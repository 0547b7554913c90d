using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;

namespace ChatAssistant.Escalation;

/// <summary>
/// Self-service during a hand-off: which messages the bot still answers (the registered intents' keywords, a number
/// right after 「菜单」, 「菜单」 itself, and the answers to a flow such a command started), noting each command on the
/// transcript so staff see the user used self-service; and the flows that were running before (a help request a
/// crisis interrupted, the form 「转人工」 was said in), set aside while a command runs, so they neither resume in
/// the middle of it nor take its answers.
/// </summary>
public sealed class HandoffSelfService(IntentRouter router, EscalationStore store, EscalationEvents events)
{
    /// <summary>True when <paramref name="text"/> asks for a person (「转人工」, or the 转人工 entry's keywords).</summary>
    public bool AsksForAPerson(string text) =>
        GlobalCommands.Parse(text) == GlobalCommand.Human || router.Match(text)?.Intent.FlowId == HandoffFlow.FlowId;

    /// <summary>
    /// True when <paramref name="text"/> is a self-service command: 「菜单」 (and the other ways to ask for it), a number
    /// from the menu the bot just showed (<paramref name="menuShown"/>), or a message the router matches strongly: the
    /// whole message is a keyword (「我的求助」「取消值班」「兑换」), or a short one has a keyword or pattern in it (the
    /// rule that lets a request interrupt a running flow). Anything longer or vaguer is for the person.
    /// </summary>
    public bool IsCommand(string text, bool menuShown)
    {
        if (GlobalCommands.Parse(text) == GlobalCommand.Help) return true;
        if (Replies.Number(text) is { } number) return menuShown && router.ByMenuNumber(number) is not null;
        var match = router.Match(text);
        return match is not null && (match.Score >= 1000 || (text.Length <= 15 && match.Score >= 40));
    }

    /// <summary>True while a flow a self-service command started is still running: the user's messages are its answers.</summary>
    public static bool IsRunning(ConversationData data) => data.FlowsSetAside is not null && data.Flows.Count > 0;

    /// <summary>
    /// Notes a self-service command on the transcript and sets the flows running before aside (once), so whatever
    /// it starts runs on its own. The bot then answers it as outside a hand-off.
    /// </summary>
    public void Note(EscalationRecord record, ConversationData data, string text, DateTimeOffset now)
    {
        if (data.FlowsSetAside is null)
        {
            data.FlowsSetAside = [.. data.Flows];
            data.Flows.Clear();
        }
        data.HandoffMenuShown = GlobalCommands.Parse(text) == GlobalCommand.Help;
        store.AddUserLine(record.Id, text, now, selfService: true);
        events.Publish(new EscalationChange(record.Id.ToString(), record.County, "message"));
    }

    /// <summary>
    /// Puts the flows set aside back under whatever still runs (a flow already running is not doubled): when the
    /// command's flow has ended, or the hand-off has. 「继续」 can then take the user back to them.
    /// </summary>
    public static void Restore(ConversationData data)
    {
        if (data.FlowsSetAside is not { } aside) return;
        data.FlowsSetAside = null;
        data.Flows.InsertRange(0, aside.Where(held => data.Flows.All(f => f.FlowId != held.FlowId)));
    }
}
