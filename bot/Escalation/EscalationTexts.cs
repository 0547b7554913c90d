using ChatAssistant.Conversation;
namespace ChatAssistant.Escalation;

/// <summary>Everything the hand-off says to users.</summary>
public static class EscalationTexts
{
    private const string WhileWaiting = "期间你发来的消息都会转给工作人员；回复「菜单」仍可使用自助服务，回复「结束人工」可结束人工服务。";

    /// <summary>What to do until a person replies: where to turn in danger, self-service, how to leave.</summary>
    private const string Meanwhile = "等待期间：遇到危险请拨打 110，想找人聊聊可拨打 12355；回复「菜单」可使用自助服务；回复「结束人工」可结束人工服务。";

    /// <summary>Said once, when the conversation goes to a person during office hours.</summary>
    public static string ConnectedInHours(int ahead, int minutes) =>
        (ahead > 0 ? $"已为你转接人工服务，你前面还有 {ahead} 位，" : "已为你转接人工服务，") +
        $"预计 {minutes} 分钟内有工作人员在这里回复你。" + WhileWaiting;

    /// <summary>Said once, when the conversation goes to a person outside office hours (<paramref name="nextOpening"/>: 「明天 09:00」).</summary>
    public static string ConnectedOutOfHours(string officeHours, string nextOpening) =>
        $"已为你转接人工服务。现在是工作时间外（{officeHours}），工作人员{nextOpening}上班后会在这里回复你。" + Meanwhile;

    /// <summary>
    /// Said once when a crisis goes to a person and someone on call is being alerted on their phone: what happens next,
    /// and that 12355 is staffed around the clock.
    /// </summary>
    public const string ConnectedUrgentOnCall =
        "我们正在通知值班的工作人员，会尽快在这里联系你。如果有危险请马上拨打 110；想找人说说话可以拨打 12355，24 小时有人接听。回复「结束人工」可回到自助服务。";

    /// <summary>Said once when a crisis goes to a person and nobody is on call for the user's county now.</summary>
    public const string ConnectedUrgentNobodyOnCall =
        "已转给工作人员，他们会尽快在这里联系你。现在如果有危险请马上拨打 110；想找人说说话可以拨打 12355，24 小时有人接听。回复「结束人工」可回到自助服务。";

    /// <summary>
    /// A message left to staff outside office hours, at most once an hour: a person will reply, when, and what to do
    /// until then (<paramref name="nextOpening"/>: 「明天 09:00」).
    /// </summary>
    public static string StaffAway(string nextOpening) => $"已收到，工作人员现在不在线，{nextOpening}上班后会在这里回复你。" + Meanwhile;

    /// <summary>A message left to staff on a crisis hand-off nobody has taken yet, at most once an hour (no office hours for these).</summary>
    public const string StaffAlertedUrgent = "已收到，已转给值班的工作人员，会尽快在这里回复你。如果有危险请马上拨打 110；想找人说说话可以拨打 12355，24 小时有人接听。";

    /// <summary>A message left to staff in office hours when the announced wait has passed, at most once an hour.</summary>
    public const string StaffBusy = "已收到，工作人员还在忙，会尽快在这里回复你。" + Meanwhile;

    /// <summary>A message left to staff within the hour after <see cref="StaffAway"/> or <see cref="StaffBusy"/>: short, never silence.</summary>
    public const string Received = "已收到，已转给工作人员。";

    /// <summary>Answer to 转人工 while already waiting: the user asked, so tell them again.</summary>
    public const string AlreadyWaiting = "你已在人工服务中，工作人员会在这里回复你，请稍候。回复「结束人工」可回到自助服务。";

    /// <summary>The user leaves an urgent (crisis) hand-off: back to the bot, but the case stays with staff.</summary>
    public const string LeftUrgent =
        "好的，你可以继续使用自助服务。工作人员仍会尽快联系你。如果有危险请马上拨打 110，想找人聊聊可以拨打 12355（免费）。回复「菜单」看看我能做什么。";

    public const string EndedByUser = "已结束人工服务，欢迎继续使用自助服务。回复「菜单」看看我能做什么。";

    public const string NotInHandoff = "你现在没有在人工服务中。需要找工作人员请回复「转人工」，回复「菜单」看看我能做什么。";

    /// <summary>Sent to the user when staff close the conversation.</summary>
    public const string EndedByStaff = "工作人员已结束本次人工服务，感谢你的耐心。之后可以继续使用自助服务，回复「菜单」看看我能做什么。";

    /// <summary>Sent to the user when staff start a conversation with them.</summary>
    public static readonly string PickedUp = PickedUpAt(AccountNames.Default);

    /// <summary>What staff starting a conversation say, on an account known as <paramref name="name"/>.</summary>
    public static string PickedUpAt(string name) => $"你好，这里是{name}的工作人员，接下来由我来和你沟通。回复「结束人工」可回到自助服务。";

    /// <summary>The transcript line (for staff) of a menu tap during a hand-off.</summary>
    public static string MenuTapLine(string title) => $"（点击菜单）{title}";

    /// <summary>Office hours as users read them.</summary>
    public static string OfficeHours(EscalationOptions o) => $"工作日 {o.OfficeOpens}-{o.OfficeCloses}";

    /// <summary>Whole short messages that end a hand-off.</summary>
    public static bool IsEndCommand(string text) =>
        Conversation.Flows.Replies.Normalize(text) is "结束人工" or "退出人工" or "取消人工" or "结束人工服务" or "返回机器人";
}
