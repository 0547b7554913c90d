namespace ChatAssistant.Hours;

/// <summary>Staff scope checks over the roster.</summary>
public static class VolunteerScope
{
    /// <summary>True when staff of <paramref name="scope"/> (null: admins, everything) may see this volunteer.</summary>
    public static bool InScope(this IVolunteerDirectory volunteers, string volunteerId, string? scope) =>
        scope is null || volunteers.DistrictOf(volunteerId) == scope;
}
