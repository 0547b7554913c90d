namespace ChatAssistant.Feedback;

/// <summary>What the feedback flow says.</summary>
public static class FeedbackTexts
{
    public static readonly string[] Topics = ["志愿服务", "团代表工作", "青少年权益", "本助手的使用", "其他"];

    public const string AskTopic = "想就哪方面提意见建议？";
    public const string AskContent = "请用一段话写下你的意见或建议（5 到 500 字），不用写姓名、电话等个人信息。";
    public const string TooShort = "内容有点短，请至少写 5 个字，说清楚你的建议。";

    public static string TooLong(int length) => $"内容有 {length} 字，超过了 500 字，请精简后再发。";

    public static string Summary(string topic, string content) =>
        $"请确认你的意见建议：\n类别：{topic}\n内容：{(content.Length > 60 ? content[..60] + "…" : content)}";

    public static string Saved(int id) => $"已收到，谢谢你！编号 {FeedbackNumber.Of(id)}。团委工作人员会认真阅读，需要时会在这里回复你。回复「菜单」看看其他服务。";

    /// <summary>How a staff answer reaches the user.</summary>
    public static string Reply(string number, string text) => $"【意见建议回复】你提交的意见建议 {number}：{text}";

    public const string StaffNotFound = "没有这条意见建议（可能已超过保存期限被删除）。";
    public const string StaffTextRequired = "请填写回复内容（1 到 1000 字）。";
    public const string StaffCannotReply = "这条意见建议是旧版本记录的，没有保存渠道，无法回复。";
}
