using ChatAssistant.Conversation.Time;

namespace ChatAssistant.Booking;

/// <summary>Everything the booking feature says to delegates.</summary>
public static class BookingTexts
{
    public const string BookTitle = "值班预约";
    public const string MineTitle = "我的值班";

    /// <summary>After the guide's answer about duty (「值班一般怎么安排」), to a bound delegate.</summary>
    public const string BookOffer = "想现在预约，回复「预约值班」，也可以直接说时间，例如「周六上午九点」。";

    /// <summary>After the guide's answer about one's duties, to a bound delegate.</summary>
    public const string MineOffer = "想看你约了哪些值班，回复「我的值班」。";
    public const string CancelTitle = "取消值班";

    public const string ChooseHeading = "可以预约的时段：";
    public const string ChooseFooter = "回复序号或时间（例如「12月5日」「周六上午」）选择时段，或回复「取消」退出。";
    public const string NoFreeSlots = "近期的值班时段都已约满，暂时没有可预约的时段。请过几天再来看看，或回复「转人工」联系工作人员。";

    public static string Label(AssistantClock clock, SlotAvailability s) =>
        $"{SlotTime(clock, s.Slot.Start, s.Slot.End)} {s.Studio.Name}（剩 {s.Free} 个名额）";

    /// <summary>"12月2日(周三) 14:00-16:00".</summary>
    public static string SlotTime(AssistantClock clock, DateTimeOffset start, DateTimeOffset end) =>
        $"{clock.Format(start)}-{clock.ToLocal(end):HH:mm}";

    /// <summary>How a time the user typed is echoed back: a day, a part of a day ("12月3日(周四)上午"), a moment or a range.</summary>
    public static string Describe(AssistantClock clock, TimeWindow w)
    {
        var day = clock.Format(w.Start)[..clock.Format(w.Start).IndexOf(' ', StringComparison.Ordinal)];
        if (w.Part is { } part) return day + PartName(part);
        if (!w.HasTimeOfDay) return day;
        return w.IsPoint ? clock.Format(w.Start) : SlotTime(clock, w.Start, w.End);
    }

    private static string PartName(DayPart part) => part switch
    {
        DayPart.Morning => "上午",
        DayPart.Afternoon => "下午",
        _ => "晚上",
    };

    public static string PastTime(string when) => $"{when} 已经过去了，只能预约以后的时段。";

    public static string NoSlotThen(string when) => $"{when} 工作室没有开放值班。";

    /// <summary>A time past the booking horizon; the list of the next free slots follows.</summary>
    public static string BeyondHorizon(string when, int days) => $"{when} 太远了，值班只能预约 {days} 天以内的时段。下面是最近的空闲时段：";

    public static string BeyondHorizonNow(int days) => $"这个时段超出了可预约的 {days} 天，请回复「预约值班」选择 {days} 天以内的时段。";

    public static string SlotFull(string when) => $"{when} 的名额已约满。";

    public const string NearestHeading = "离你想要的时间最近的空闲时段如下。";

    public static string Confirm(AssistantClock clock, SlotAvailability s) =>
        $"请确认值班预约：\n时间：{SlotTime(clock, s.Slot.Start, s.Slot.End)}\n地点：{s.Studio.Name}（{s.Studio.Address}）";

    public static string Booked(AssistantClock clock, DutyBooking b, Studio studio) =>
        $"预约成功！{SlotTime(clock, b.Start, b.End)} 在{studio.Name}值班。前一天晚上会提醒你；到达后扫描门口的二维码签到。需要调整请回复「取消值班」。";

    public static string FullNow(string when) => $"抱歉，{when} 的名额刚刚被约满了。";

    public static string Overlap(AssistantClock clock, DutyBooking existing) =>
        $"你在 {SlotTime(clock, existing.Start, existing.End)} 已经有值班预约，同一时间不能重复预约。回复「我的值班」查看。";

    public static string TooMany(int max) =>
        $"你已经有 {max} 个未完成的值班预约，最多只能同时约 {max} 个。想约新的时段，请先回复「取消值班」取消一个再来预约；回复「我的值班」可以查看。";

    /// <summary>Every slot at the time asked for is the delegate's own booking, or overlaps it; nearer free slots follow.</summary>
    public static string AlreadyBooked(AssistantClock clock, DutyBooking b, Studio? studio) =>
        $"你已经约了 {SlotTime(clock, b.Start, b.End)} {(studio is null ? "的值班" : $"在{studio.Name}值班")}，不用再约。";

    public const string SlotGone = "这个时段已经不能预约了，请重新选择。回复「预约值班」再看看。";

    public const string InPast = "这个时段已经开始或结束，不能再预约了。回复「预约值班」看看其他时段。";

    /// <summary>The yearly line: "今年已值班 1 次，还需 1 次".</summary>
    public static string Standing(DutyStanding s) => (s.Missing > 0
        ? $"今年已值班 {s.Attended} 次，还需 {s.Missing} 次（每年不少于 {s.Required} 次，每次不少于 2 小时）。"
        : $"今年已值班 {s.Attended} 次，已完成全年不少于 {s.Required} 次的驻室要求，谢谢你！")
        + (s.SelfReported > 0 ? $"另有 {s.SelfReported} 次自报签到等待工作人员确认，确认后计入。" : "");

    public static string Mine(AssistantClock clock, DutyStanding standing, IReadOnlyList<(DutyBooking Booking, Studio? Studio)> upcoming)
    {
        var head = upcoming.Count == 0
            ? "你目前没有待值班的预约。"
            : "你的值班预约：\n" + string.Join('\n', upcoming.Select((u, i) => $"{i + 1}. {SlotTime(clock, u.Booking.Start, u.Booking.End)} {u.Studio?.Name}"));
        var tail = upcoming.Count == 0 ? "回复「预约值班」预约时段。" : "需要取消请回复「取消值班」。";
        return $"{head}\n{Standing(standing)}\n{tail}";
    }

    public const string CancelHeading = "要取消哪一个值班？";
    public const string NothingToCancel = "你目前没有可以取消的值班预约。回复「预约值班」预约时段。";

    public static string CancelLabel(AssistantClock clock, DutyBooking b, Studio? studio, bool canCancel) =>
        $"{SlotTime(clock, b.Start, b.End)} {studio?.Name}{(canCancel ? "" : "（已过取消期限）")}";

    public static string CancelConfirm(AssistantClock clock, DutyBooking b) =>
        $"确定取消 {SlotTime(clock, b.Start, b.End)} 的值班吗？";

    public static string Cancelled(AssistantClock clock, DutyBooking b) =>
        $"已取消 {SlotTime(clock, b.Start, b.End)} 的值班。记得另约一个时段，回复「预约值班」即可。";

    public static string TooLateToCancel(AssistantClock clock, DutyBooking b, TimeSpan cutoff) =>
        $"{SlotTime(clock, b.Start, b.End)} 的值班距离开始已不足 {cutoff.TotalHours:0} 小时，不能在线取消了。如确有急事，请回复「转人工」联系工作人员。";

    public const string CancelGone = "没有找到这个预约，可能已经取消了。回复「我的值班」查看。";

    public static string CheckedIn(AssistantClock clock, DutyBooking b, Studio studio) =>
        $"签到成功！{studio.Name} {SlotTime(clock, b.Start, b.End)} 的值班已记为出勤。辛苦了！";

    /// <summary>The printed door code: recorded, but staff confirm it before it counts.</summary>
    public static string SelfReported(AssistantClock clock, DutyBooking b, Studio studio) =>
        $"已收到你的签到：{studio.Name} {SlotTime(clock, b.Start, b.End)} 的值班已记为「自报出勤」，工作人员确认后计入履职。下次请扫描门口屏幕上的二维码，签到会立即生效。";

    public static string AlreadySelfReported(AssistantClock clock, DutyBooking b) =>
        $"你已经自报过签到了（{SlotTime(clock, b.Start, b.End)}），正在等待工作人员确认。扫描门口屏幕上的二维码可以立即确认。";

    /// <summary>A door-screen code older than its validity, or one the screen never showed.</summary>
    public const string DoorCodeExpired = "这个二维码已过期，请扫描门口屏幕上最新的二维码。";

    public static string AlreadyCheckedIn(AssistantClock clock, DutyBooking b) =>
        $"你已经签到过了（{SlotTime(clock, b.Start, b.End)}），不用重复扫码。";

    public static string OutsideWindow(AssistantClock clock, DutyBooking next, Studio studio, TimeSpan window) =>
        $"现在不在签到时间内。你在{studio.Name}的下一次值班是 {SlotTime(clock, next.Start, next.End)}，请在开始前后 {window.TotalMinutes:0} 分钟内扫码签到。";

    public static string NoBookingHere(Studio studio) =>
        $"你现在在{studio.Name}没有值班预约，所以无法签到。回复「预约值班」预约时段；如果你已经在值班，请联系现场工作人员补记。";

    public static string CheckInTooLate(AssistantClock clock, DutyBooking b, TimeSpan window) =>
        $"{SlotTime(clock, b.Start, b.End)} 的值班已开始超过 {window.TotalMinutes:0} 分钟，扫码签到已截止。请联系现场工作人员补记出勤。";

    public const string UnknownStudio = "这个签到二维码已失效，请联系现场工作人员。";

    public const string ReminderRemark = "到达后请扫描门口二维码签到；如需调整，请联系工作人员。";

    /// <summary>The reminder; <paramref name="day"/> is 今天, 明天 or empty (the date in <paramref name="time"/> says it).</summary>
    public static string Reminder(Studio studio, string day, string time) =>
        $"【值班提醒】你预约了{day} {time} 在{studio.Name}（{studio.Address}）值班。{ReminderRemark}";

    public static string StudioClosed(Studio studio, string time) =>
        $"【值班变动】你预约的 {time} {studio.Name}值班，工作室那时不开放，这次预约已为你取消，请不要前往。回复「预约值班」改约其他时段，有疑问请联系工作人员。";
}
