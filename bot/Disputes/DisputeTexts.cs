namespace ChatAssistant.Disputes;

/// <summary>Everything the help-request feature (亲青老娘舅) says to users, and its staff-API messages.</summary>
public static class DisputeTexts
{
    public const string FlowTitle = "求助·亲青老娘舅";
    public const string MyTicketsTitle = "我的求助";

    /// <summary>After the guide's answer about what 亲青老娘舅 does, to anyone (no binding needed).</summary>
    public const string RequestOffer = "需要的话，回复「求助」就能在这里提交。";

    /// <summary>After the guide's answer about a request's progress.</summary>
    public const string MineOffer = "想看你的求助进度，回复「我的求助」。";

    public const string Intro =
        "「亲青老娘舅」是团委联合各地工作室为青少年提供的公益服务：纠纷调解、心理疏导、爱心帮扶、权益维护。" +
        "你可以在这里提出求助，工作人员会跟进。";

    public const string Notice =
        "提交前请了解：\n" +
        "· 我们会收集：年龄段、所在县（市、区）、求助类别、一段简短描述，以及你希望的联系方式（微信回复或手机号），可以匿名。\n" +
        "· 用途：仅用于工作人员了解和处理你的求助。\n" +
        "· 谁能看到：只有你所在县（市、区）负责的团委工作人员；描述和联系方式加密保存，每次查看都有记录。\n" +
        "· 保存多久：求助办结后保存 {0} 天，到期自动删除；你也可以随时在「我的求助」里撤回并删除。\n" +
        "你同意我们按上述方式收集和使用这些信息吗？回复「是」同意，回复「否」不同意。";

    public static string NoticeFor(int retentionDays) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Notice, retentionDays);

    public const string ConsentRefused =
        "好的，我们没有保存任何信息。如需帮助，可以拨打青少年服务台 12355（免费）；遇到紧急危险请拨打 110，需要急救请拨打 120。回复「菜单」看看其他服务。";

    public const string AskAge = "请问你的年龄段是？";
    public const string AgeUnder14 = "未满14岁";
    public static readonly string[] AgeBands = [AgeUnder14, "14至17岁", "18至35岁", "35岁以上"];

    public const string AskGuardian =
        "你还未满 14 岁，按照规定，需要你的父母或其他监护人同意后才能提交。你的监护人知道并同意你提交这个求助吗？回复「是」或「否」。";

    public const string GuardianRefused =
        "没关系，我们没有保存任何信息。你可以请监护人陪你一起提交；也可以现在就拨打青少年服务台 12355（免费）和老师聊一聊。遇到紧急危险请拨打 110。";

    public const string AskCounty = "你在哪个县（市、区）？我们会请当地的工作室跟进。";

    /// <summary>The catch-all county: its requests go to the default scope's staff, listed as unassigned.</summary>
    public const string OtherArea = "其他地区";
    public const string CountyFooter = "回复序号，也可以直接回复地名（例如「天台」）。";
    public const string CountyNotFound = "没有找到这个地方。请回复列表里的序号或地名；不在列表里的，请选「其他地区」。";

    /// <summary>The county question: the counties under their cities, numbered through, 其他地区 last.</summary>
    public static string CountyList(string heading, IEnumerable<CountyGroup> groups, CountyOption otherArea)
    {
        var lines = new List<string> { heading };
        var n = 0;
        foreach (var group in groups)
        {
            if (group.City is not null) lines.Add($"{group.City}：");
            lines.AddRange(group.Counties.Select(c => $"{++n}. {c.Label}"));
        }
        lines.Add($"{++n}. {otherArea.Label}");
        lines.Add(CountyFooter);
        return string.Join('\n', lines);
    }
    public const string AskCategory = "想求助哪方面？";
    public static readonly string[] Categories = ["纠纷调解", "心理疏导", "爱心帮扶", "权益维护"];

    public const string AskDescription = "请简单说说发生了什么、希望得到什么帮助（10 到 500 字）。不必写身份证号、住址等信息。";
    public const string DescriptionTooShort = "再多写几句吧（至少 10 个字），这样工作人员能更快了解情况。";
    public static string DescriptionTooLong(int length) => $"内容有 {length} 字，超过了 500 字，请精简后再发。";

    public const string AskContactMethod = "工作人员怎么联系你？";
    public const string ContactWeChat = "在微信里回复我";
    public const string ContactPhone = "打我的手机";
    public const string AskPhone = "请输入你的手机号（11 位）。";
    public const string BadPhone = "这个手机号好像不对，请输入 11 位的中国大陆手机号，例如 13800138000。";

    public const string AskIdentity = "你希望匿名求助，还是留下称呼？";
    public const string Anonymous = "匿名";
    public const string Named = "留下称呼";
    public const string AskName = "工作人员该怎么称呼你？（昵称也可以，1 到 20 字）";
    public const string BadName = "称呼请在 1 到 20 字之间。";

    public const string SummaryHeading = "请确认你的求助：";

    public static string Summary(Filer filer, string category, string county, string ageBand, string description, string contact, string identity) =>
        $"{(filer == Filer.Parent ? HelpNeedTexts.SummaryHeadingParent : SummaryHeading)}\n类别：{category}\n地区：{county}\n" +
        $"{(filer == Filer.Parent ? HelpNeedTexts.AgeLabelParent : "年龄段")}：{ageBand}\n描述：{Excerpt(description, 60)}\n联系方式：{contact}\n称呼：{identity}";

    public const string Abandoned = "好的，已放弃，没有保存任何信息。需要时随时回复「求助」。";

    public static string Filed(string number, int ackHours, int resolveDays) =>
        $"已提交，求助编号 {number}。工作人员会在 {ackHours} 小时内确认、{resolveDays} 天内答复你。回复「我的求助」可以查看进度、补充信息或撤回。" +
        "如果情况紧急，请直接拨打 110 / 120，或青少年服务台 12355。";

    public const string NoTickets = "你还没有提交过求助。需要帮助请回复「求助」。";
    public const string MyTicketsHeading = "你的求助：";
    public const string MyTicketsFooter = "回复序号查看详情、补充信息或撤回。";

    public static string TicketLine(string number, string category, string status, string date) => $"{number} {category} · {status} · {date}";

    public static string TicketDetail(string number, string category, string status, string date) =>
        $"求助 {number}（{category}），{date} 提交，当前状态：{status}。";

    public const string TicketActions = "你可以：\n1. 补充信息\n2. 撤回求助\n回复序号选择，或回复「取消」退出。";
    public const string TicketFinished = "这条求助已结束，不能再补充或撤回。回复「求助」可以提交新的求助。";
    public const string AskAddition = "请写下要补充的内容（2 到 500 字）。";
    public const string AdditionTooShort = "补充内容至少 2 个字。";
    public const string AdditionSaved = "已补充，工作人员会看到。回复「我的求助」查看进度。";
    public const string ConfirmWithdraw = "撤回后，这条求助会停止处理，你填写的描述和联系方式会被删除，无法恢复。确定撤回吗？";
    public const string Withdrawn = "已撤回，你的描述和联系方式已删除。需要时随时回复「求助」。";
    public const string KeptOpen = "好的，求助没有撤回，会继续处理。";
    public const string NotYours = "这条求助不属于你。";
    public const string NotOpen = "这条求助已结束，不能再修改。";
    public const string PersonalDataGone = "这条求助的个人信息已删除。";
    public const string AdditionAfterPurge = "这条求助已办结，记录已按规定删除，不能再补充。需要帮助请回复「求助」提交新的求助。";

    public static string BadTransition(TicketStatus from, TicketStatus to) => $"不能从「{StatusLabel(from)}」改为「{StatusLabel(to)}」。";

    public static string StatusLabel(TicketStatus status) => status switch
    {
        TicketStatus.New => "待确认",
        TicketStatus.Acknowledged => "已受理",
        TicketStatus.InProgress => "处理中",
        TicketStatus.Resolved => "已办结",
        TicketStatus.Closed => "已关闭",
        TicketStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };

    // Staff API messages.
    public const string StaffTextRequired = "请填写内容（1 到 1000 字）。";
    public const string StaffUnknownView = "view 只能是 open（待处理）或 closed（已办结或关闭）。";
    public const string StaffUnknownStatus = "未知状态，可用：New、Acknowledged、InProgress、Resolved、Closed。";
    public const string StaffReplyGone = "这条求助已撤回或个人信息已删除，不能再回复。";
    public const string StaffReopenAfterPurge = "这条求助的个人信息已按保存期限删除，不能重新处理。如需继续跟进，请让求助人重新提交求助。";

    /// <summary>"138****8000".</summary>
    public static string MaskPhone(string phone) => phone.Length == 11 ? phone[..3] + "****" + phone[7..] : "****";

    private static string Excerpt(string text, int max) => text.Length > max ? text[..max] + "…" : text;
}
