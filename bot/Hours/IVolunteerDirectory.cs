namespace ChatAssistant.Hours;

/// <summary>
/// What the hours feature needs to know about volunteers: who is on the roster, in which district, and
/// which volunteer a WeChat user is bound to. Backed by the identity module's roster.
/// </summary>
public interface IVolunteerDirectory
{
    /// <summary>The district (区县) of a rostered volunteer, or null when the id is not on the roster.</summary>
    string? DistrictOf(string volunteerId);

    /// <summary>The volunteer id bound to a WeChat OpenID, or null when the user has not bound.</summary>
    string? VolunteerIdFor(string openId);
}
