using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Conversation;

/// <summary>What the bot remembers about one conversation between turns (kept in ConversationState).</summary>
public sealed class ConversationData
{
    /// <summary>Active flows; the last one is the one the user is answering. Earlier ones were interrupted.</summary>
    public List<FlowFrame> Flows { get; set; } = [];

    /// <summary>
    /// The last answer did not understand the message and offered a person (「不太确定……要请工作人员来解答吗？」): that
    /// message, sealed for this conversation by the hand-off (context for staff if the user accepts). Only the very
    /// next message can accept; any other answer lets it lapse. Null otherwise (not written then).
    /// </summary>
    [Newtonsoft.Json.JsonProperty(NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? HandoffOffer { get; set; }

    /// <summary>
    /// The last answer was the guide's answer to this question (masked) with the entry <see cref="AnsweredEntry"/>: if
    /// the very next message asks for a person, the question goes to staff's list of unanswered ones. Null otherwise.
    /// </summary>
    [Newtonsoft.Json.JsonProperty(NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? AnsweredQuestion { get; set; }

    /// <summary>The entry of <see cref="AnsweredQuestion"/>'s answer.</summary>
    [Newtonsoft.Json.JsonProperty(NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? AnsweredEntry { get; set; }

    /// <summary>
    /// While the user runs a self-service command during a hand-off: the flows that were running before it (e.g. the
    /// help request a crisis interrupted), set aside so they neither resume in the middle of it nor take its answers;
    /// they come back when it ends or the hand-off does. Null otherwise (not written then).
    /// </summary>
    [Newtonsoft.Json.JsonProperty(NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public List<FlowFrame>? FlowsSetAside { get; set; }

    /// <summary>In a hand-off, the last answer was the main menu (「菜单」): a bare number now picks from it.</summary>
    [Newtonsoft.Json.JsonProperty(DefaultValueHandling = Newtonsoft.Json.DefaultValueHandling.Ignore)]
    public bool HandoffMenuShown { get; set; }

    /// <summary>
    /// The last answer was the main menu: a bare number now picks from it at once, also over a running flow (菜单 in
    /// the middle of one) rather than from the flow's own list. A number at any other time is asked about first.
    /// </summary>
    public bool MenuShown { get; set; }

    /// <summary>
    /// How many answers in a row, up to the last one, were the safety message or the gentle check (0: the last answer
    /// was something else). The next one in a row is worded differently from the one before
    /// (<see cref="Safety.SafetyTexts.Crisis"/>), never the same hotline text word for word.
    /// </summary>
    public int SafetyRepliesInARow { get; set; }

    /// <summary>
    /// <see cref="SafetyRepliesInARow"/> as this turn found it, for the guide's fallback when it gives the gentle check
    /// (<see cref="GentleCheckThisTurn"/>). Not kept between turns.
    /// </summary>
    [Newtonsoft.Json.JsonIgnore]
    public int SafetyRepliesBeforeThisTurn { get; set; }

    /// <summary>
    /// This turn's message showed distress without a clear danger: the gentle check to give instead of 「不太确定」 or a
    /// list of topics, if nothing answers the message itself. Not kept between turns.
    /// </summary>
    [Newtonsoft.Json.JsonIgnore]
    public string? GentleCheckThisTurn { get; set; }

    /// <summary>True while a person, not the bot, answers this conversation.</summary>
    public bool InHandoff { get; set; }

    /// <summary>
    /// This state has been checked against the open escalations. A session that expires (<c>Redis:SessionTtl</c> idle)
    /// during a hand-off loses <see cref="InHandoff"/>; the escalation record, still open, puts it back on the next
    /// message (once per state, not on every message).
    /// </summary>
    [Newtonsoft.Json.JsonProperty(DefaultValueHandling = Newtonsoft.Json.DefaultValueHandling.Ignore)]
    public bool HandoffChecked { get; set; }

    /// <summary>
    /// The user has been greeted (copied from <see cref="UserProfile.Welcomed"/>, so that most turns need not
    /// load the user's state at all; the profile stays the record, e.g. after the conversation is cleared).
    /// </summary>
    public bool Welcomed { get; set; }
}
