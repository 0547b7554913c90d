using System.Globalization;
using System.Text;
using ChatAssistant.Conversation.Time;
using CsvHelper;
using CsvHelper.Configuration;

namespace ChatAssistant.Hours.Staff;

/// <summary>
/// A volunteer's statement as CSV (UTF-8 with BOM so Excel opens the Chinese correctly): every ledger entry and the
/// records still awaiting review, by date. Amounts are unsigned in/out columns so that no cell starts with
/// "-" or "+", and text cells are escaped against spreadsheet formula injection.
/// </summary>
public static class HoursStatement
{
    private static readonly string[] Header = ["日期", "类别", "说明", "编号", "时长增加", "时长扣减", "积分收入", "积分支出", "状态"];

    /// <summary>Writes the statement of <paramref name="volunteerId"/> and returns the bytes.</summary>
    public static byte[] Build(string volunteerId, IReadOnlyList<LedgerEntry> entries, IReadOnlyList<HourRecord> records, IReadOnlyList<RedemptionOrder> orders, AssistantClock clock)
    {
        // By the ledger's own keys: a record id may be another district's too (HourRecord), an entry's key is not.
        var recordsByEntry = records.SelectMany(r => new[] { (LedgerEntry.CreditKey(r.Key), r), (LedgerEntry.ReversalKey(r.Key), r) })
            .ToDictionary(p => p.Item1, p => p.r, StringComparer.Ordinal);
        var ordersByNo = orders.ToDictionary(o => o.OrderNo, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var h in Header) csv.WriteField(h);
            csv.NextRecord();
            // By date (the activity's, or the day of a redemption), so a late import of an old activity sits in its place.
            var rows = new List<(string Date, DateTimeOffset At, Action Write)>();
            foreach (var e in entries)
            {
                var record = recordsByEntry.GetValueOrDefault(e.Key);
                var order = record is null ? ordersByNo.GetValueOrDefault(e.Ref) : null;
                // LiteDB reads an empty string back as null (EmptyStringToNull), hence IsNullOrEmpty; and it reads an
                // instant back at +00:00, so a 07:00 Beijing redemption would show the day before without ToLocal.
                var date = !string.IsNullOrEmpty(e.ActivityDate) ? e.ActivityDate : clock.ToLocal(e.At).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var what = record is not null ? $"{record.Activity}（{record.Organiser}）" : order?.ItemName ?? "";
                rows.Add((date, e.At, () => Row(csv, date, KindName(e.Kind), what, e.Ref, e.Hours, e.Points, StatusOf(record, order))));
            }
            foreach (var r in records.Where(r => r.Status == RecordStatus.Flagged))
                rows.Add((r.Date, r.ImportedAt, () => Row(csv, r.Date, "待审核时长", $"{r.Activity}（{r.Organiser}）", r.RecordId, 0, 0, "待审核（未计入）")));
            foreach (var row in rows.OrderBy(r => r.Date, StringComparer.Ordinal).ThenBy(r => r.At)) row.Write();
            var points = HoursLedger.PointsOf(entries);
            csv.NextRecord();
            var hours = entries.Where(e => e.Kind is LedgerKind.HoursCredit or LedgerKind.HoursReversal).Sum(e => e.Hours);
            Row(csv, "", "合计", $"志愿者 {volunteerId}", "", hours, 0,
                $"累计获得 {HoursTexts.N(points.Earned)} 分，已兑换 {HoursTexts.N(points.Spent)} 分，可用 {HoursTexts.N(points.Available)} 分");
        }
        return buffer.ToArray();
    }

    private static void Row(CsvWriter csv, string date, string kind, string what, string reference, decimal hours, decimal points, string status)
    {
        csv.WriteField(date);
        csv.WriteField(kind);
        csv.WriteField(what);
        csv.WriteField(reference);
        csv.WriteField(hours > 0 ? HoursTexts.N(hours) : "");
        csv.WriteField(hours < 0 ? HoursTexts.N(-hours) : "");
        csv.WriteField(points > 0 ? HoursTexts.N(points) : "");
        csv.WriteField(points < 0 ? HoursTexts.N(-points) : "");
        csv.WriteField(status);
        csv.NextRecord();
    }

    private static string KindName(LedgerKind kind) => kind switch
    {
        LedgerKind.HoursCredit => "志愿服务时长",
        LedgerKind.HoursReversal => "时长撤销",
        LedgerKind.Redemption => "积分兑换",
        _ => "兑换取消退回",
    };

    private static string StatusName(OrderStatus status) => status switch
    {
        OrderStatus.Placed => "待领取",
        OrderStatus.Fulfilled => "已领取",
        _ => "已取消",
    };

    private static string StatusOf(HourRecord? record, RedemptionOrder? order) =>
        record is not null ? HoursTexts.StatusName(record.Status) : order is not null ? StatusName(order.Status) : "";
}
