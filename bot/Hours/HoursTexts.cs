using System.Globalization;

namespace ChatAssistant.Hours;

/// <summary>Everything the hours feature says: to volunteers in the chat, and to staff (import, review, orders).</summary>
public static class HoursTexts
{
    /// <summary>After the guide's answer about redeeming (「益币能不能换东西」), to a bound volunteer.</summary>
    public const string RedeemOffer = "想现在兑换，回复「兑换」。";

    /// <summary>After the guide's answer about points, to a bound volunteer.</summary>
    public const string PointsOffer = "想查你的积分，回复「我的积分」。";

    /// <summary>After the guide's answer about checking hours, to a bound volunteer.</summary>
    public const string HoursOffer = "想查你的志愿时长，回复「我的时长」。";

    /// <summary>2 → "2", 2.50 → "2.5".</summary>
    public static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Clock(int minute) => HourRecord.Clock(minute);

    /// <summary>"11月3日"; with the year when it is not <paramref name="currentYear"/> ("2025年6月1日").</summary>
    public static string Day(string isoDate, int currentYear) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.Year == currentYear ? $"{d.Month}月{d.Day}日" : $"{d.Year}年{d.Month}月{d.Day}日"
            : isoDate;

    /// <summary>One record as a volunteer reads it: date, time, activity, hours and where it stands.</summary>
    public static string RecordLine(HourRecord r, int currentYear) =>
        $"{Day(r.Date, currentYear)} {Clock(r.StartMinute)}–{Clock(r.EndMinute)} {r.Activity}（{r.Organiser}）{N(r.Hours)} 小时，{VolunteerStatus(r.Status)}";

    private static string VolunteerStatus(RecordStatus status) => status switch
    {
        RecordStatus.Flagged => "待核实",
        RecordStatus.Revoked => "已撤销（不计入）",
        _ => "已计入",
    };

    // ---- chat: 我的时长 / 我的积分 ----

    public const string NoRecords =
        "还没有查到你的志愿服务记录。志愿汇上的时长由团委工作人员定期导入，新活动一般一个月内会出现；如有疑问请回复「转人工」。";

    public static string MyHours(HoursSummary s)
    {
        var lines = new List<string>
        {
            "你的志愿服务时长（已核验）：",
            $"· 累计 {N(s.TotalHours)} 小时",
            $"· {s.Year} 年 {N(s.YearHours)} 小时",
        };
        if (s.PendingHours > 0) lines.Add($"· 另有 {N(s.PendingHours)} 小时待工作人员核实，核实后计入");
        if (s.Recent.Count > 0)
        {
            lines.Add("最近的活动：");
            lines.AddRange(s.Recent.Select(r =>
                $"· {Day(r.Date, s.Year)} {r.Activity}（{r.Organiser}）{N(r.Hours)} 小时{(r.Status == RecordStatus.Flagged ? "，待核实" : "")}"));
        }
        lines.Add("回复「我的积分」查看爱心存折积分，回复「兑换」去爱心超市兑换。");
        return string.Join('\n', lines);
    }

    public static string MyPoints(PointsBalance b, decimal pointsPerHour) => string.Join('\n',
        "你的爱心存折积分：",
        $"· 累计获得 {N(b.Earned)} 分（已核验的志愿服务每小时计 {N(pointsPerHour)} 分）",
        $"· 已兑换 {N(b.Spent)} 分",
        $"· 现在可用 {N(b.Available)} 分",
        "回复「兑换」看看爱心超市可以换什么。");

    // ---- chat: 兑换 ----

    public const string CatalogueUnavailable = "爱心超市的兑换目录暂时打不开，请稍后再试，或回复「转人工」找工作人员。";

    public static string CatalogueHeading(decimal available) => $"爱心超市可兑换物品（你现在有 {N(available)} 积分可用）：";

    public static string Tier(int points) => $"【{points} 积分】";

    public static string ItemLine(int number, CatalogueItem item) =>
        $"{number}. {item.Name}（{item.Category}）{(item.Note is null ? "" : "，" + item.Note)}";

    public const string CatalogueFooter = "回复序号选择要兑换的物品，回复「取消」退出。";

    public static string NotEnoughForAny(decimal available, int cheapest) =>
        $"你现在有 {N(available)} 积分可用，最低一档需要 {cheapest} 积分，暂时还换不了。继续参加志愿服务攒积分吧！回复「我的时长」查看你的时长。";

    public const string AffordableHeading = "现在就能兑换：";
    public const string LaterHeading = "积分攒够后可以兑换：";

    /// <summary>An item the volunteer cannot afford, with the ones they can (their numbers in the list shown).</summary>
    public static string InsufficientFor(CatalogueItem item, decimal available, IReadOnlyList<(int Number, CatalogueItem Item)> affordable) =>
        $"「{item.Name}」需要 {item.Points} 积分，你现在可用 {N(available)} 积分，还差 {N(item.Points - available)} 分，暂时换不了。\n" +
        (affordable.Count == 0
            ? "回复「取消」退出。"
            : $"你现在可以换：{string.Join("、", affordable.Select(a => $"{a.Number}. {a.Item.Name}（{a.Item.Points} 积分）"))}\n回复序号选择，或回复「取消」退出。");

    public static string ConfirmRedeem(CatalogueItem item, decimal available) =>
        $"请确认兑换：{item.Name}（{item.Category}）\n需要 {item.Points} 积分，兑换后还剩 {N(available - item.Points)} 积分。";

    public static string PriceChanged(string itemName, decimal before, int now) =>
        $"「{itemName}」的兑换积分刚刚由 {N(before)} 分调整为 {now} 分，这次还没有兑换，也没有扣除积分。";

    public static string Redeemed(RedemptionOrder order, PickupInfo pickup, decimal left)
    {
        var lines = new List<string>
        {
            $"兑换成功！订单号 {order.OrderNo}（{order.ItemName}，{N(order.Points)} 积分），剩余 {N(left)} 积分。",
            $"领取地点：{pickup.Place}{(pickup.Address.Length > 0 ? "，" + pickup.Address : "")}",
        };
        if (pickup.OpeningHours.Length > 0) lines.Add($"开放时间：{pickup.OpeningHours}");
        if (pickup.Instructions.Length > 0) lines.Add(pickup.Instructions);
        return string.Join('\n', lines);
    }

    public static string RedeemRefused(decimal available) =>
        $"积分不够，这次没有兑换成功，也没有扣除积分：你现在可用 {N(available)} 积分（可能刚在别处兑换过）。回复「我的积分」查看明细。";

    public const string ItemGone = "这件物品刚刚下架了，兑换没有成功，积分也没有扣除。回复「兑换」重新选择。";

    /// <summary>The WeChat account is no longer bound to the volunteer the redemption started for (staff unbound it).</summary>
    public const string RedeemNotBound = "你这个微信号的志愿者身份已解除绑定（或已换绑），这次兑换没有完成，积分没有扣除。如需兑换，请先绑定后回复「兑换」；有疑问请联系工作人员。";

    // ---- import (staff) ----

    public const string ImportEmpty = "文件是空的，或没有表头。第一行应是表头：record_id,volunteer_id,activity,organiser,date,start,end,hours（也可用中文：记录编号,志愿者编号,活动名称,组织单位,日期,开始时间,结束时间,时长）。";

    public static string ImportMissingColumns(IEnumerable<string> columns) => $"表头缺少这些列：{string.Join("、", columns)}。";

    public static string ImportTooLong(int max) => $"一次最多导入 {max} 行，请把文件拆开分批导入。";

    public static string ImportFieldEmpty(string label) => $"{label}为空";

    public static string ImportFieldTooLong(string label, int max) => $"{label}超过 {max} 个字";

    public static string ImportBadDate(string text) => $"日期「{text}」无法识别（应为 2026-11-03 这样的格式）";

    public static string ImportBadTime(string label, string text) => $"{label}「{text}」无法识别（应为 09:00 这样的格式）";

    public static string ImportBadHours(string text) => $"时长「{text}」无法识别（应为大于 0、不超过 24 的小时数，如 2.5）";

    public static string ImportUnknownVolunteer(string id) => $"志愿者编号 {id} 不在志愿者名单中，请先导入名单";

    public static string ImportOutOfScope(string id, string scope) => $"志愿者 {id} 不属于你负责的{scope}";

    public static string ImportRepeatedId(string id, int firstLine) => $"记录编号 {id} 与第 {firstLine} 行重复但内容不同";

    public static string ImportChangedRecord(string id) => $"记录编号 {id} 已导入过，这次内容不同，未更新；如原记录有误，请撤销后用新编号导入";

    public static string ImportAuditSummary(int added, int skipped, int flagged) => $"新增 {added} 条，已存在跳过 {skipped} 条，待审核 {flagged} 条";

    // ---- integrity rules (the reason staff read) ----

    public static string RuleEndBeforeStart(int start, int end) => $"结束时间 {Clock(end)} 不晚于开始时间 {Clock(start)}";

    public static string RuleHoursMismatch(decimal hours, int start, int end, decimal span, decimal tolerance) =>
        $"登记 {N(hours)} 小时，但 {Clock(start)}–{Clock(end)} 只有 {N(span)} 小时（允许误差 {N(tolerance)} 小时）";

    public static string RuleFutureDate(DateOnly date, DateOnly today) => $"活动日期 {date:yyyy-MM-dd} 的结束时间还没到（今天是 {today:yyyy-MM-dd}，北京时间）";

    public static string RuleOverlap(IEnumerable<(string RecordId, int Start, int End)> others) =>
        "与同一志愿者的其他记录时间重叠：" + string.Join("、", others.Select(o => $"{o.RecordId}（{Clock(o.Start)}–{Clock(o.End)}）"));

    public static string RuleDuplicate(IEnumerable<string> recordIds) => $"同一活动同一天已登记过：{string.Join("、", recordIds)}";

    public static string RuleDayOverLimit(DateOnly date, decimal total, decimal max) => $"{date:yyyy-MM-dd} 当天累计 {N(total)} 小时，超过 {N(max)} 小时";

    // ---- review and orders (staff) ----

    public const string StaffReasonRequired = "请填写理由（reason），每个决定都会记录在审计日志中。";

    public const string StaffAlreadyRevoked = "这条记录已经撤销，撤销后不能再改。";

    public static string StaffNotFlagged(RecordStatus status) => $"这条记录当前状态为「{StatusName(status)}」，只有待审核的记录可以批准。";

    public static string StaffRecordNotFound(string id) => $"没有找到记录 {id}，或不在你的管理范围。";

    public static string StaffRecordInSeveralDistricts(string id, IEnumerable<string> districts) =>
        $"记录编号 {id} 在多个区县都有（{string.Join("、", districts)}），请在地址后加上 ?district=区县名 指明是哪一条。";

    public static string StaffOrderNotFound(string orderNo) => $"没有找到订单 {orderNo}，或不在你的管理范围。";

    public static string StaffOrderClosed(OrderStatus status) => $"订单已{(status == OrderStatus.Fulfilled ? "领取" : "取消")}，不能再改。";

    public static string StatusName(RecordStatus status) => status switch
    {
        RecordStatus.Verified => "已核验",
        RecordStatus.Flagged => "待审核",
        RecordStatus.Approved => "审核通过",
        _ => "已撤销",
    };
}
