using ChatAssistant.Hours;
using ChatAssistant.Hours.Import;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Hours;

/// <summary>
/// The real bot (BotHarness: LiteDB on a temp file, fake clock at Thu 2026-11-26 10:00 Beijing) with a small
/// test catalogue, a volunteer roster and helpers to import hour CSVs and bind WeChat users.
/// </summary>
internal sealed class HoursKit : IAsyncDisposable
{
    public const string Header = "record_id,volunteer_id,activity,organiser,date,start,end,hours";

    public const string TestCatalogue = """
        pickup:
          place: 测试爱心超市
          address: 测试路 1 号
          openingHours: 周一至周五 9:00—17:00
          instructions: 凭订单号领取。
        items:
          - { id: T5, name: 环保袋, category: 生活用品, points: 5 }
          - { id: T5B, name: 徽章, category: 志愿文创, points: 5 }
          - { id: T10, name: 笔记本, category: 学习文具, points: 10 }
          - { id: T30, name: 文化衫, category: 志愿文创, points: 30 }
        """;

    private readonly TempDirectory _dir;

    private HoursKit(TempDirectory dir, BotHarness bot)
    {
        _dir = dir;
        Bot = bot;
    }

    public BotHarness Bot { get; }

    public string CataloguePath => _dir.File("catalogue.yaml");

    public IdentityService Identity => Bot.Get<IdentityService>();

    public HoursLedger Ledger => Bot.Get<HoursLedger>();

    public IHoursStore Store => Bot.Get<IHoursStore>();

    /// <summary>The LiteDB file the kit's records are in (for tests of what the file holds).</summary>
    public LiteDB.ILiteDatabase Db => Bot.Get<LiteDB.ILiteDatabase>();

    /// <summary>The hours feature's decisions in the one audit log, oldest first (action without its "hours." prefix).</summary>
    public IReadOnlyList<ChatAssistant.Audit.AuditEntry> Decisions =>
        Bot.Get<ChatAssistant.Audit.AuditLog>().Recent(1000).Where(e => e.Action.StartsWith(HoursAudit.Prefix, StringComparison.Ordinal)).Reverse().ToList();

    /// <summary>A bot with volunteers V001 and V002 (嵊州市) and V900 (金华市) on the roster.</summary>
    public static HoursKit Create(IDictionary<string, string?>? settings = null)
    {
        var dir = new TempDirectory("ca-hours");
        File.WriteAllText(dir.File("catalogue.yaml"), TestCatalogue);
        var all = new Dictionary<string, string?> { ["Hours:CatalogueFile"] = dir.File("catalogue.yaml") };
        foreach (var pair in settings ?? new Dictionary<string, string?>()) all[pair.Key] = pair.Value;
        var kit = new HoursKit(dir, BotHarness.Create(settings: all));
        var roster = kit.Identity.Import(RosterKind.Volunteer, new StringReader("id,name,district\nV001,李四,嵊州市\nV002,王五,嵊州市\nV900,赵六,金华市\n"));
        Assert.True(roster.Ok);
        return kit;
    }

    public static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    public ImportResult Import(string csv, string? scope = null) =>
        Bot.Get<HoursImporter>().Import(new StringReader(csv), "tester", scope is null ? ChatAssistant.Staff.StaffScope.Everything : ChatAssistant.Staff.StaffScope.County(scope));

    /// <summary>Binds WeChat user <paramref name="openId"/> to <paramref name="volunteerId"/> with a real code.</summary>
    public void Bind(string volunteerId, string openId = "user1")
    {
        var code = Identity.IssueCode(RosterKind.Volunteer, volunteerId).Code;
        // A blocking wait in a test helper: the in-process stores answer at once, and BindAsync never needs this thread back.
        Assert.Equal(BindStatus.Bound, Identity.BindWithCodeAsync(openId, code).GetAwaiter().GetResult().Status);
    }

    /// <summary>Gives <paramref name="volunteerId"/> <paramref name="hours"/> verified hours (one record per 2 h or less, past dates).</summary>
    public void GiveHours(string volunteerId, int hours)
    {
        var rows = new List<string>();
        for (var i = 0; hours > 0; i++)
        {
            var h = Math.Min(2, hours);
            hours -= h;
            rows.Add($"G-{volunteerId}-{i},{volunteerId},社区服务{i},嵊州团市委,2026-10-{1 + i:D2},09:00,{9 + h:D2}:00,{h}");
        }
        var result = Import(Csv([.. rows]));
        Assert.True(result.Ok);
        Assert.Equal(0, result.Flagged);
    }

    /// <summary>The document key of record <paramref name="recordId"/> of <paramref name="district"/> (the kit's volunteers V001/V002 are 嵊州市's).</summary>
    public static string Key(string recordId, string district = "嵊州市") => HourRecord.KeyOf(district, recordId);

    /// <summary>The stored record <paramref name="recordId"/> of <paramref name="district"/>.</summary>
    public HourRecord Record(string recordId, string district = "嵊州市") => Store.FindRecord(Key(recordId, district))!;

    /// <summary>How many hour records the LiteDB file holds.</summary>
    public int RecordCount => Db.GetCollection(ChatAssistant.Hours.LiteDb.LiteHoursStore.RecordCollection).Count();

    /// <summary>How many ledger entries the LiteDB file holds.</summary>
    public int LedgerCount => Db.GetCollection(ChatAssistant.Hours.LiteDb.LiteHoursStore.LedgerCollection).Count();

    /// <summary>Every hour record of the LiteDB file.</summary>
    public IReadOnlyList<HourRecord> AllRecords => Db.GetCollection<HourRecord>(ChatAssistant.Hours.LiteDb.LiteHoursStore.RecordCollection).FindAll().ToList();

    public T Get<T>() where T : notnull => Bot.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        _dir.Dispose();
    }
}
