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
}
