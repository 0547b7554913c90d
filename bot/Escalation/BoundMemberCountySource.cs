using ChatAssistant.Conversation;
using ChatAssistant.Identity;

namespace ChatAssistant.Escalation;

/// <summary>
/// The district of the roster entry (delegate first, then volunteer) the user has bound their account to; for pick-up
/// rights, the districts of both.
/// </summary>
public sealed class BoundMemberCountySource(IdentityService identity) : IEscalationCountySource, IUserCountyRecord
{
    public int Order => IEscalationCountySource.OnRecord;

    public string? CountyOf(string channelId, string userId, ConversationData data) => CountiesOf(channelId, userId).FirstOrDefault();

    public IEnumerable<string> CountiesOf(string channelId, string userId) =>
        new[] { identity.FindByOpenId(RosterKind.Delegate, userId), identity.FindByOpenId(RosterKind.Volunteer, userId) }
            .Select(member => member?.District)
            .Where(district => !string.IsNullOrWhiteSpace(district))
            .Select(district => district!);
}
