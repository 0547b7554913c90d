namespace ChatAssistant.Safety;

/// <summary>Messages of the crisis-review API (staff read Chinese).</summary>
public static class SafetyApiTexts
{
    public const string UnknownVerdict = "verdict 只能是 false-alarm（误报）或 missed（漏报）。";
    public const string NotAnAlarm = "这条人工服务不是危机报警，不能标为误报；如果是漏报的危机，请选择「漏报」。";
    public const string AlreadyCrisis = "这条人工服务已按危机处理，不能再标为漏报。";
    public const string CategoryNeeded = "请选择漏报危机的类别（category，取值见 docs/SAFETY.md）。";
    public const string NoMessage = "这条人工服务里没有用户发来的消息。";
}
