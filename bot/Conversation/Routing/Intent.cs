using System.Text.RegularExpressions;

namespace ChatAssistant.Conversation.Routing;

/// <summary>
/// Something a user can ask for, and the flow that serves it. Features register intents in DI;
/// the router and the menu are built from them.
/// </summary>
public sealed record Intent
{
    /// <summary>Stable id, e.g. "booking.book".</summary>
    public required string Id { get; init; }

    /// <summary>The flow started when the intent matches.</summary>
    public required string FlowId { get; init; }

    /// <summary>Shown in the numbered menu when set (e.g. "预约值班（团代表）").</summary>
    public string? MenuTitle { get; init; }

    /// <summary>Position in the menu (smaller first).</summary>
    public int MenuOrder { get; init; }

    /// <summary>Phrases that select the intent when the message contains them (Chinese or English, case-insensitive).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Patterns for phrasings keywords cannot cover ("我想下周三下午去值班").</summary>
    public IReadOnlyList<Regex> Patterns { get; init; } = [];

    /// <summary>WeChat menu button keys (CLICK events) that select the intent.</summary>
    public IReadOnlyList<string> MenuKeys { get; init; } = [];

    /// <summary>Whether the intent may interrupt another running flow (the interrupted one resumes after).</summary>
    public bool Interrupts { get; init; } = true;

    /// <summary>Slots passed to the flow; the matched message is always passed as <see cref="Flows.FlowSlots.Utterance"/>.</summary>
    public IReadOnlyDictionary<string, string>? Slots { get; init; }

    /// <summary>Who can use it: a bound volunteer (hours, points, redemption), a bound delegate (booking), or anyone (None).</summary>
    public UserRoles ForRole { get; init; }

    /// <summary>
    /// Guide entries that answer questions about this feature (「益币能不能换东西」 → yibi-exchange): the guide's answer
    /// with one of them is followed by <see cref="Offer"/>, or by <see cref="BindHint"/> for a user without
    /// <see cref="ForRole"/>. A question about a feature is answered, never taken as the command.
    /// </summary>
    public IReadOnlyList<string> GuideEntries { get; init; } = [];

    /// <summary>The action offered after such an answer, and the reply that takes it up (「想现在兑换，回复「兑换」。」, 「兑换」).</summary>
    public FeatureOffer? Offer { get; init; }

    /// <summary>What a user without <see cref="ForRole"/> is told instead of the offer: how to bind.</summary>
    public string? BindHint { get; init; }

    /// <summary>
    /// A message that names a time and asks nothing the guide answers (「周日上午九点」, 「next Wednesday 3pm」), from a
    /// user with <see cref="ForRole"/>, starts this intent's flow with the message (booking).
    /// </summary>
    public bool ReadsTimes { get; init; }
}

/// <summary>An action offered after a guide answer: the words said, and the reply (a command) that takes it up.</summary>
public sealed record FeatureOffer(string Text, string Reply);
