namespace ChatAssistant.Identity;

/// <summary>The two staff-managed rosters whose people can bind their WeChat account.</summary>
public enum RosterKind
{
    /// <summary>团代表 (youth-league delegates).</summary>
    Delegate,

    /// <summary>志愿者 (volunteers).</summary>
    Volunteer,
}
