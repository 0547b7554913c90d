using ChatAssistant.Identity;

namespace ChatAssistant.Hours;

/// <summary>The volunteer roster of the identity module, as the hours feature sees it.</summary>
public sealed class RosterVolunteerDirectory(IdentityService identity) : IVolunteerDirectory
{
    public string? DistrictOf(string volunteerId) => identity.FindByMemberId(RosterKind.Volunteer, volunteerId)?.District;

    public string? VolunteerIdFor(string openId) => identity.FindByOpenId(RosterKind.Volunteer, openId)?.MemberId;
}
