using ChatAssistant.Conversation;
using ChatAssistant.Escalation;

namespace ChatAssistant.Disputes;

/// <summary>
/// The county the user has just chosen in a help request (<see cref="CountyStep"/>) still open in the conversation, most
/// recent flow first, then the flows set aside during a hand-off's self-service: what the user said before what is on
/// record, so a hand-off opened from the form reaches that county's staff.
/// </summary>
public sealed class ChosenCountySource : IEscalationCountySource
{
    public int Order => IEscalationCountySource.SaidInTheConversation;

    public string? CountyOf(string channelId, string userId, ConversationData data)
    {
        var frames = (data.FlowsSetAside ?? []).Concat(data.Flows).ToList();
        for (var i = frames.Count - 1; i >= 0; i--)
            if (CountyStep.ChosenIn(frames[i]) is { } county) return county;
        return null;
    }
}
