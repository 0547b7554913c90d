namespace ChatAssistant.StaffPhone;

/// <summary>The rules of <see cref="IStaffWeComLinks.Set"/>, the same on both providers.</summary>
public static class StaffWeComLinkRules
{
    /// <summary>
    /// The link to save for <paramref name="staffId"/> (null: delete it), or refused when <paramref name="holder"/>, the
    /// account that has <paramref name="weComUserId"/> now, is another.
    /// </summary>
    public static (bool Refused, StaffWeComLink? Save) Set(StaffWeComLink? current, StaffWeComLink? holder, int staffId, string? weComUserId, string? alerts)
    {
        if (!string.IsNullOrEmpty(weComUserId) && holder is not null && holder.Id != staffId) return (true, null);
        var link = current ?? new StaffWeComLink { Id = staffId };
        if (weComUserId is not null) link.WeComUserId = weComUserId;
        if (alerts is not null) link.Alerts = alerts;
        return (false, link.WeComUserId.Length == 0 && alerts is null ? null : link);
    }
}
