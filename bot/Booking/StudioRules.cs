using System.Globalization;

namespace ChatAssistant.Booking;

/// <summary>What every studio store checks before it writes a studio, and the demo studio seeded into an empty one.</summary>
public static class StudioRules
{
    /// <summary>Checks a studio before it is stored.</summary>
    public static void Validate(Studio s)
    {
        if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Length > 60) throw new ArgumentException("工作室名称不能为空，且不超过 60 字。");
        if (string.IsNullOrWhiteSpace(s.County)) throw new ArgumentException("请填写工作室所在区县（county）。");
        if (s.SlotMinutes < Studio.MinimumSlotMinutes || s.SlotMinutes > 12 * 60)
            throw new ArgumentException($"每个时段至少 {Studio.MinimumSlotMinutes / 60} 小时（slotMinutes ≥ {Studio.MinimumSlotMinutes}），最多 12 小时。");
        if (s.PlacesPerSlot is < 1 or > 50) throw new ArgumentException("每个时段的名额（placesPerSlot）应在 1 到 50 之间。");
        foreach (var o in s.Openings)
        {
            if (!IsTime(o.Start) || !IsTime(o.End)) throw new ArgumentException($"开放时间「{o.Start}-{o.End}」格式不对，请用 HH:mm，例如 14:00。");
            if (o.EndTime - o.StartTime < TimeSpan.FromMinutes(s.SlotMinutes))
                throw new ArgumentException($"开放时间 {o.Start}-{o.End} 比一个时段（{s.SlotMinutes} 分钟）还短。");
        }
        foreach (var c in s.Closures)
        {
            if (!IsDate(c.From) || !IsDate(c.To)) throw new ArgumentException($"闭馆日期「{c.From}~{c.To}」格式不对，请用 yyyy-MM-dd。");
            if (c.ToDate < c.FromDate) throw new ArgumentException($"闭馆日期 {c.From}~{c.To} 的结束早于开始。");
        }
    }

    private static bool IsTime(string? s) => TimeOnly.TryParseExact(s, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsDate(string? s) => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    // The Tiantai studio of the seed article, so the embedded default can book at once; staff edit it.
    public static Studio DemoStudio() => new()
    {
        Name = "天台县团代表工作室",
        County = "天台县",
        Address = "天台县团县委（示例地址，请工作人员在后台修改）",
        Openings =
        [
            new WeeklyOpening { Day = DayOfWeek.Tuesday, Start = "14:00", End = "16:00" },
            new WeeklyOpening { Day = DayOfWeek.Thursday, Start = "14:00", End = "16:00" },
            new WeeklyOpening { Day = DayOfWeek.Saturday, Start = "09:00", End = "11:00" },
        ],
        SlotMinutes = 120,
        PlacesPerSlot = 2,
    };
}
