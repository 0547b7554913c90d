namespace ChatAssistant.Escalation;

/// <summary>Messages of the escalation API (staff read Chinese).</summary>
public static class EscalationApiTexts
{
    public const string NotFound = "没有找到这条人工服务记录。";
    public const string OutOfScope = "这条记录不在你的负责范围内。";
    public const string UserOutOfScope = "这位用户不在你的负责范围内：他绑定的名单、最近一次求助或人工服务都不在你的区县。";
    public const string Resolved = "这条人工服务已结束。";
    public const string Purged = "这条人工服务的对话内容已按保存期限删除，不能再添加备注。";
    public const string ClaimedByOther = "已有其他工作人员接手。";
    public const string EmptyText = "内容不能为空。";
    public const string TooLong = "内容太长了，请分几次发送。";
    public const string UnknownAssignee = "没有这个工作人员，或他不负责这个区县。";
    public const string NoAccount = "登录已失效，请重新登录。";
    public const string PickUpFields = "请提供渠道（channelId）和用户（userId）。";
    public const string NoteRequired = "这是紧急个案，办结前请写一句处理说明（已如何联系、对方是否安全）。";
}
