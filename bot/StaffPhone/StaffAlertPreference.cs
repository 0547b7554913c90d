namespace ChatAssistant.StaffPhone;

/// <summary>Which new hand-offs and help requests in their scope a member gets on the phone (urgent chains aside: the rota decides those).</summary>
public static class StaffAlertPreference
{
    /// <summary>Only crises (the default).</summary>
    public const string Urgent = "urgent";

    /// <summary>Every new hand-off and help request in the member's scope.</summary>
    public const string All = "all";

    /// <summary>None (the on-call rota still reaches a member on duty).</summary>
    public const string None = "none";

    public static bool IsValid(string? value) => value is Urgent or All or None;
}
