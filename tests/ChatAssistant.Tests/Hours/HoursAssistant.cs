using ChatAssistant.Hours.Import;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Hours;

/// <summary>
/// The assistant over WeChat for hours tests: now is Sat 2026-12-05 10:00 Beijing, the 爱心超市 has the test catalogue
/// (<see cref="HoursKit.TestCatalogue"/>), and each test adds its own volunteer (嵊州市) and binds over the chat.
/// </summary>
public sealed class HoursAssistant : WeChatAssistant
{
    private readonly TempDirectory _dir = new("ca-hours-wechat");

    public HoursAssistant() : base(new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero)) { }

    protected override IDictionary<string, string?> Settings()
    {
        File.WriteAllText(_dir.File("catalogue.yaml"), HoursKit.TestCatalogue);
        var settings = base.Settings();
        settings["Hours:CatalogueFile"] = _dir.File("catalogue.yaml");
        return settings;
    }

    /// <summary>Puts <paramref name="volunteerId"/> on the roster of 嵊州市 and imports their records (CSV rows without header).</summary>
    public void Volunteer(string volunteerId, params string[] records)
    {
        Assert.True(Get<IdentityService>().Import(RosterKind.Volunteer, new StringReader($"id,name,district\n{volunteerId},志愿者{volunteerId},嵊州市\n")).Ok);
        if (records.Length > 0) Import(records);
    }

    public ImportResult Import(params string[] records)
    {
        var result = Get<HoursImporter>().Import(new StringReader(HoursKit.Csv(records)), "tester", ChatAssistant.Staff.StaffScope.Everything);
        Assert.True(result.Ok, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result;
    }

    /// <summary>Binds <paramref name="openId"/> to <paramref name="volunteerId"/> the way a volunteer does: 「绑定 code」 in the chat.</summary>
    public async Task<WeChatChat> BoundAsync(string volunteerId, string openId)
    {
        var code = Get<IdentityService>().IssueCode(RosterKind.Volunteer, volunteerId).Code;
        var user = User(openId);
        Assert.Contains("绑定成功", await user.SayAsync("绑定 " + code));
        return user;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Dispose();
    }
}
