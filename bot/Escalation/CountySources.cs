using ChatAssistant.Conversation;
using ChatAssistant.Identity;

namespace ChatAssistant.Escalation;

/// <summary>
/// Tells which county (区县) a user belongs to, so their escalation reaches that county's staff.
/// Features that know it (identity binding, the help-request flow) register one; the first answer wins.
/// </summary>
public interface IEscalationCountySource
{
    /// <summary>The county, or null when this source does not know.</summary>
    string? CountyOf(string channelId, string userId, ConversationData data);
}

/// <summary>
/// Takes the county a running flow has already asked for (a slot named "county"), most recent flow first, then the
/// flows set aside during a hand-off's self-service.
/// </summary>
public sealed class FlowSlotCountySource : IEscalationCountySource
{
    public const string SlotName = "county";

    public string? CountyOf(string channelId, string userId, ConversationData data)
    {
        var frames = (data.FlowsSetAside ?? []).Concat(data.Flows).ToList();
        for (var i = frames.Count - 1; i >= 0; i--)
            if (frames[i].Slots.TryGetValue(SlotName, out var county) && !string.IsNullOrWhiteSpace(county)) return county.Trim();
        return null;
    }
}

/// <summary>
/// The district of the roster entry (delegate first, then volunteer) the user has bound their account to; for pick-up
/// rights, the districts of both.
/// </summary>
public sealed class BoundMemberCountySource(IdentityService identity) : IEscalationCountySource, IUserCountyRecord
{
    public string? CountyOf(string channelId, string userId, ConversationData data) => CountiesOf(channelId, userId).FirstOrDefault();

    public IEnumerable<string> CountiesOf(string channelId, string userId) =>
        new[] { identity.FindByOpenId(RosterKind.Delegate, userId), identity.FindByOpenId(RosterKind.Volunteer, userId) }
            .Select(member => member?.District)
            .Where(district => !string.IsNullOrWhiteSpace(district))
            .Select(district => district!);
}
