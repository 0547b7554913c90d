using ChatAssistant.Staff;

namespace ChatAssistant.Hours;

/// <summary>Staff scope checks over the roster.</summary>
public static class VolunteerScope
{
    /// <summary>True when staff of <paramref name="scope"/> may see this volunteer (their district is below it).</summary>
    public static bool InScope(this IVolunteerDirectory volunteers, string volunteerId, StaffScope scope) =>
        scope.IsEverything || scope.Covers(volunteers.DistrictOf(volunteerId));
}
