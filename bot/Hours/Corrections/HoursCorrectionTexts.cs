using System.Globalization;

namespace ChatAssistant.Hours;

/// <summary>What the hours-correction request says: to the volunteer in the chat, and to staff.</summary>
public static class HoursCorrectionTexts
{
    public const string Title = "时长更正";

    public static string RecordsOn(string day) => $"你 {day} 的服务记录：";

    public static string NoneOn(string day) => $"{day}没有查到你的服务记录。";

    public const string RecentHeading = "你最近的服务记录：";
    public const string NoRecordsYet = "还没有查到你的服务记录（志愿汇上的时长由团委工作人员定期导入）。";

    public static string RecordLine(int number, string line) => $"{number}. {line}";

    public const string MissingOption = "记录里没有这次活动（申请补录）";

    public const string WhichRecord = "哪一条有问题？回复序号；记录里没有的活动，选最后一项申请补录。回复「取消」退出。";

    public const string OnlyMissing = "回复「1」申请补录这次活动，回复「取消」退出。";

    public const string AskWords = "请说说哪里不对，例如「应该是 4 小时，不是 3 小时」或「11月28日图书馆的活动没有记录」（5 到 300 字）。";
    public const string WordsTooShort = "再多写几个字吧（至少 5 个字），说明应该是多少小时、哪次活动。";

    public static string WordsTooLong(int length) => $"内容有 {length} 字，超过了 300 字，请精简后再发。";

    public static string Confirm(string what, string words) => $"请确认时长更正申请：\n记录：{what}\n你的说明：{words}";

    public static string MissingOn(string? day) => day is null ? "记录里没有的活动（申请补录）" : $"{day} 记录里没有的活动（申请补录）";

    public const string NotFiled = "好的，没有提交。需要时再告诉我哪次活动的时长不对。";

    public static string Filed(string number) =>
        $"已提交时长更正申请，编号 {number}。工作人员核对后会在这里回复你；核对期间「我的时长」里的数字暂时不变。";

    public static string AlreadyOpen(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"（你还有 {count} 条更正申请在核对中，工作人员会逐条回复。）");

    /// <summary>Sent to the volunteer when staff resolve the request.</summary>
    public static string Resolved(string number, string reply) => $"你的时长更正申请 {number} 已处理：{reply}\n回复「我的时长」查看最新时长。";

    // ---- staff ----

    public const string StaffReplyRequired = "请填写给志愿者的答复（reply），它会发给志愿者并记录在审计日志中。";
    public const string StaffAlreadyResolved = "这条更正申请已经处理过了。";

    public static string StaffNotFound(string number) => $"没有找到更正申请 {number}，或不在你的管理范围。";
}
