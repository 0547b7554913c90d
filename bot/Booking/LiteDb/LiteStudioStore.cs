using ChatAssistant.Storage;
using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking;

/// <summary>Studios in LiteDB: validated writes, and the demo studio when there is none.</summary>
public sealed class StudioStore
{
    public const string Collection = "duty_studios";

    private readonly ILiteCollection<Studio> _studios;

    // Every slot offer needs the active studios; they change only through this store, so they are read once
    // per change (a LiteDB query and its deserialisation saved per offer).
    private readonly CachedUntilWrite<IReadOnlyList<Studio>> _active;

    public StudioStore(ILiteDatabase db, IOptions<BookingOptions> options, ILogger<StudioStore> log)
    {
        _studios = db.GetCollection<Studio>(Collection);
        _active = new(() => _studios.FindWhere(LiteQuery.Is(nameof(Studio.Active), true)).OrderBy(s => s.Id).ToList().AsReadOnly());
        _studios.EnsureIndex(s => s.County);
        if (options.Value.SeedDemoStudio && _studios.Count() == 0)
        {
            _studios.Insert(DemoStudio());
            log.LogInformation("Seeded the demo studio");
        }
    }

    /// <summary>The stored studio (a copy the caller may change and pass to <see cref="Update"/>).</summary>
    public Studio? Find(int id) => _studios.FindById(id);

    /// <summary>
    /// The studio for reading in a chat turn: from the active snapshot (shared, must not be changed), or from
    /// the store for an inactive one. Saves a LiteDB read on every booking confirmation.
    /// </summary>
    public Studio? Read(int id)
    {
        foreach (var studio in Active())
            if (studio.Id == id) return studio;
        return Find(id);
    }

    /// <summary>All studios, or those of one county.</summary>
    public IReadOnlyList<Studio> All(string? county = null) =>
        (county is null ? _studios.FindAll() : _studios.FindWhere(LiteQuery.Is(nameof(Studio.County), county))).OrderBy(s => s.Id).ToList();

    /// <summary>The active studios, oldest first: a shared snapshot that callers must not change.</summary>
    public IReadOnlyList<Studio> Active() => _active.Get();

    private void Changed() => _active.Drop();

    /// <summary>Creates a studio; throws <see cref="ArgumentException"/> with a message staff can read.</summary>
    public Studio Create(Studio studio)
    {
        Validate(studio);
        studio.Id = 0;
        _studios.Insert(studio);
        Changed();
        return studio;
    }

    /// <summary>Replaces a studio's settings; false when it does not exist.</summary>
    public bool Update(Studio studio)
    {
        Validate(studio);
        var updated = _studios.Update(studio);
        Changed();
        return updated;
    }

    public bool Delete(int id)
    {
        var deleted = _studios.Delete(id);
        Changed();
        return deleted;
    }

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
    private static Studio DemoStudio() => new()
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
