namespace ChatAssistant.StaffPhone;

/// <summary>What the WeCom app says to staff on their phones: short, and what to do next.</summary>
public static class StaffPhoneTexts
{
    public const string UrgentTitle = "紧急求助，请尽快接手";
    public const string UrgentDescription = "对方可能需要马上有人联系，请点「接手」后直接在这里回复。";
    public const string NewHandoffTitle = "新的人工对话";
    public const string NewHandoffDescription = "点「接手」后可以直接在这里回复对方。";
    public const string ClaimButton = "接手";
    public const string CountyLabel = "区县";
    public const string ReasonLabel = "原因";
    public const string WaitingLabel = "已等待";
    public const string UnknownCounty = "未知";
    public const string CategoryLabel = "类别";
    public const string AcknowledgeButton = "受理";

    public static string NewTicketTitle(string number) => $"新的求助工单 {number}";

    public const string NewTicketDescription = "点「受理」表示已收到；描述和联系方式请在工作台查看。";

    /// <summary>What a help request's card button becomes once a member acknowledged it.</summary>
    public static string AcknowledgedBy(string name) => $"已由 {name} 受理";

    public static string TicketAcknowledged(string number) => $"已受理求助 {number}。描述和联系方式请在工作台的「求助工单」里查看并回复。";

    public static string TicketAlreadyTaken(string number) => $"求助 {number} 已经有人受理了。";

    public static string Minutes(int minutes) => $"{minutes} 分钟";

    /// <summary>What the card's button becomes once someone took the conversation.</summary>
    public static string ClaimedBy(string name) => $"已由 {name} 接手";

    public static string Reason(string reason, string? category) => reason switch
    {
        "Crisis" => "危机求助" + category switch
        {
            "Suicide" => "（自伤或轻生）",
            "Abuse" => "（受到伤害）",
            "Violence" => "（暴力或威胁）",
            "Danger" => "（处境紧急）",
            _ => "",
        },
        "NotUnderstood" => "小助手没能回答",
        "StaffPickup" => "工作人员发起",
        _ => "用户要求转人工",
    };

    public const string NotLinked = "你的企业微信还没有关联工作台账号。请联系管理员在工作台或用 staff update 账号 --wecom 你的企业微信账号 关联后再试。";

    /// <summary>Said after 接手 from the phone.</summary>
    public static string Claimed(string who, string county) =>
        $"你已接手{county}的对话（{who}）。对方发来的消息会转到这里，直接回复文字即可发给对方；发送「/结束」结束人工服务。";

    public const string RecentLinesHeading = "最近的消息：";

    public static string Line(string who, string text) => $"{who}：{text}";

    public const string BotSpeaker = "小助手";

    public static string ClaimedByOther(string name) => $"这段对话已由 {name} 接手，不需要你处理了。";

    public const string AlreadyResolved = "这段对话已经处理完了，不需要再回复。";

    public const string NotInScope = "这段对话不在你负责的区县，请联系管理员。";

    public const string NoActiveConversation = "你现在没有在手机上接手的对话。收到提醒卡片后点「接手」，就可以在这里回复对方。";

    public const string TextOnly = "目前只能发送文字消息给对方。";

    /// <summary>A reply the channel refused, with the reason.</summary>
    public static string NotDelivered(string reason) => $"未送达：{reason}。可以在工作台查看，或稍后再试。";

    public const string UrgentNeedsNote = "紧急求助结束前请写明处理情况，例如：/结束 已电话联系，本人安全";

    public const string Ended = "已结束人工服务，对方已回到小助手。";

    /// <summary>A user's image on the phone: the image itself stays in WeChat.</summary>
    public const string ImageNote = "（对方发来一张图片，请在公众号后台或工作台查看）";
}
