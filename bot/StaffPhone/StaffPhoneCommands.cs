using ChatAssistant.Audit;
using ChatAssistant.Staff;

namespace ChatAssistant.StaffPhone;

/// <summary><c>staff update NAME --wecom USERID [--alerts urgent|all|none]</c>: a member's WeCom link, from the command line.</summary>
public static class StaffPhoneCommands
{
    /// <summary>Links (or, with an empty id, unlinks) the account; throws <see cref="ArgumentException"/> with what to fix.</summary>
    public static void Link(IServiceProvider services, string userName, string? weComUserId, string? alerts)
    {
        var account = services.GetRequiredService<StaffStore>().Get(userName);
        if (alerts is not null && !StaffAlertPreference.IsValid(alerts)) throw new ArgumentException("--alerts must be urgent, all or none.");
        var links = services.GetRequiredService<IStaffWeComLinks>();
        if (!links.Set(account.Id, weComUserId?.Trim(), alerts)) throw new ArgumentException($"WeCom user '{weComUserId}' is already linked to another account.");
        services.GetRequiredService<AuditLog>().Record("operator:cli", "staff.wecom", StaffUser.Actor(account.UserName),
            $"linked {(string.IsNullOrEmpty(weComUserId) ? "no" : "a")} WeCom member, alerts {alerts ?? "unchanged"}");
        var link = links.ForStaff(account.Id);
        Console.WriteLine(link is null || link.WeComUserId.Length == 0
            ? $"'{account.UserName}' has no WeCom member now."
            : $"'{account.UserName}' is WeCom member {link.WeComUserId}; phone alerts: {link.Alerts}.");
    }
}
