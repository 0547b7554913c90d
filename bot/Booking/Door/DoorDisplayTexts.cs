using ChatAssistant.Adapters.WeChat;

namespace ChatAssistant.Booking.Door;

/// <summary>What the door screen and its staff endpoints say (Chinese: delegates and staff read it).</summary>
public static class DoorDisplayTexts
{
    public const string NotConfigured = "服务器还没有配置公众号的 AppID 和 AppSecret，无法生成签到二维码。请联系管理员配置后刷新本页。";

    public static string WeChatFailed(int errCode) => $"暂时无法生成签到二维码（微信接口错误 {errCode}），页面会自动重试；一直不好请联系管理员。";

    /// <summary>Our code for "the shared store (Redis) is down" (<see cref="WeChatApiResult.StoreUnavailable"/>).</summary>
    public const int StoreDown = WeChatApiResult.StoreUnavailable;

    public const string Busy = "系统繁忙，暂时无法生成签到二维码，页面会自动重试。";

    public static string Failed(int errCode) => errCode switch
    {
        WeChatApiResult.NotConfigured => NotConfigured,
        StoreDown => Busy,
        _ => WeChatFailed(errCode),
    };

    /// <summary>Under the code: what to do, and how often it changes ("每分钟", "每 30 秒").</summary>
    public static string Instruction(TimeSpan renewal) =>
        $"团代表到岗后，请打开微信「扫一扫」扫描上方二维码签到。二维码{Every(renewal)}更新一次，拍照转发的二维码很快就会失效。";

    private static string Every(TimeSpan t) =>
        t == TimeSpan.FromMinutes(1) ? "每分钟"
        : t.TotalSeconds % 60 == 0 ? $"每 {t.TotalMinutes:0} 分钟"
        : $"每 {t.TotalSeconds:0} 秒";

    public const string Denied = "这个屏幕的显示密钥不正确或已被停用。";

    public const string UnknownKey = "这个工作室没有这个有效的显示密钥，请刷新密钥列表后再试。";

    public const string LabelTooLong = "label（屏幕位置说明）最多 40 个字。";
}
