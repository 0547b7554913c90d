using ChatAssistant.Conversation;

namespace ChatAssistant.Escalation;

/// <summary>
/// Tells which county (区县) a user belongs to, so their escalation reaches that county's staff.
/// Features that know it (the help-request form, identity binding) register one; asked in <see cref="Order"/>, the
/// first answer wins.
/// </summary>
public interface IEscalationCountySource
{
    /// <summary>The order of a source that reads what the user said in the conversation (a county chosen in a form).</summary>
    const int SaidInTheConversation = 0;

    /// <summary>The order of a source that reads the user's records (their roster binding).</summary>
    const int OnRecord = 10;

    /// <summary>Lower is asked first.</summary>
    int Order { get; }

    /// <summary>The county, or null when this source does not know.</summary>
    string? CountyOf(string channelId, string userId, ConversationData data);
}
