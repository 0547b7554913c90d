namespace ChatAssistant.Operations;

/// <summary>What the dashboard and the daily summary say (staff read them in the console).</summary>
public static class OperationsTexts
{
    /// <summary>An unanswered question that came close to no guide entry.</summary>
    public const string NoNearTopic = "（没有相近的条目）";

    /// <summary>A county nobody recorded (an unbound user, a help request of 其他地区).</summary>
    public const string UnknownCounty = "未知区县";

    public const string BadPeriod = "请选择有效的日期范围（最长 366 天，开始不晚于结束）。";

    /// <summary>The admins' daily summary of <paramref name="day"/> (shown as an admin alert in the console).</summary>
    public static string DailySummary(DateOnly day, long messages, double answeredShare, int handoffsOpened, int handoffsWaiting, int handoffsOverdue, int ticketsNew, int ticketsOverdue) =>
        $"昨日（{day:M月d日}）小结：消息 {messages} 条，直接答上 {(int)Math.Round(answeredShare * 100)}%；新转人工 {handoffsOpened} 个，" +
        $"正在等待 {handoffsWaiting} 个，其中超时未接手 {handoffsOverdue} 个；新求助 {ticketsNew} 件，超时未受理 {ticketsOverdue} 件。详见「数据看板」。";
}
