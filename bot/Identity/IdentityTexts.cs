namespace ChatAssistant.Identity;

/// <summary>What the binding flow says.</summary>
public static class IdentityTexts
{
    public static string KindName(RosterKind kind) => kind == RosterKind.Delegate ? "团代表" : "志愿者";

    public static string NotBound(RosterKind kind) =>
        $"你还没有绑定{KindName(kind)}身份。请向所在团委工作人员领取 8 位绑定码，然后回复「绑定 绑定码」，例如：绑定 12345678";

    /// <summary>
    /// After the guide's answer about a feature a user cannot use yet (「爱心超市能换什么」 from an unbound user): what to
    /// do first, instead of offering it.
    /// </summary>
    public static string BindToUse(RosterKind kind, string what) =>
        $"绑定{KindName(kind)}身份后就能在这里{what}：向所在团委工作人员领取 8 位绑定码，然后回复「绑定 绑定码」。";

    public const string AskCode = "请输入工作人员给你的 8 位绑定码（数字，如 1234 5678）。";
    public const string CodeFormat = "绑定码是 8 位数字，请检查后重新输入，或回复「取消」。";

    public static string Bound(RosterMember member) =>
        $"绑定成功！你好，{member.Name}（{KindName(member.Kind)}，{member.District}）。回复「菜单」看看可以办理的事项。";

    public static string WrongCode(int left) => $"绑定码不正确，还可以再试 {left} 次。请核对后回复「绑定 绑定码」。";

    public static string Expired(int left) => $"这个绑定码已过期，请向工作人员重新领取（还可以再试 {left} 次）。";

    public static string AlreadyUsed(int left) => $"这个绑定码已经用过了，每个绑定码只能用一次。如需重新绑定请联系工作人员（还可以再试 {left} 次）。";

    public const string LockedOut = "绑定码错误次数过多，为了账号安全，请 1 小时后再试，或联系工作人员。";

    /// <summary>Binding is paused for everyone (too many wrong codes this hour from all users): nothing was checked.</summary>
    public const string Paused = "绑定暂时不可用，请稍后再试或联系工作人员。";

    /// <summary>The admin alert of a pause (<see cref="WrongCodeLimit"/>); times in Beijing time.</summary>
    public static string PausedAlert(int limit, DateTimeOffset from, DateTimeOffset until) =>
        $"{from:M月d日 HH:mm} 起的一小时内，所有用户合计输错绑定码 {limit} 次，可能有人在批量猜测绑定码。" +
        $"绑定已暂停到 {until:HH:mm}，期间任何人都不能绑定（正确的绑定码也不行），之后自动恢复。" +
        "如有人反映无法绑定，请让其稍后再试；如每小时反复出现，请联系技术人员查看日志。";

    /// <summary>「绑定 …」 from an account already bound: nothing to do, no attempt used.</summary>
    public static string AlreadyBound(RosterMember member) =>
        $"你已经绑定了{KindName(member.Kind)}身份（{member.Name}，{member.District}），不需要再绑定。" +
        "如需绑定另一个身份，请回复「绑定」加工作人员给你的新绑定码；要换绑请联系工作人员。";

    public const string BoundToAnotherAccount =
        "这个身份已经绑定在另一个微信账号上，不能直接换绑。请联系所在团委工作人员先解除原绑定，再回复「绑定 绑定码」。";

    // ---- staff: roster import, binding codes, unbinding ----

    public const string ImportNoRows = "文件里没有数据行";

    public static string ImportOutOfScope(string district, string scope) => $"区县「{district}」不在你的管理范围（{scope}）";

    public static string ImportOtherDistrictMember(string memberId) =>
        $"编号 {memberId} 已在其他区县的名单中，你不能修改；如需把此人调到本区县，请联系管理员";

    public const string MemberNotFound = "名单中没有这个编号，或不在你的管理范围。";

    public const string NothingToUnbind = "这个人目前没有绑定微信账号，无需解除。";
}
