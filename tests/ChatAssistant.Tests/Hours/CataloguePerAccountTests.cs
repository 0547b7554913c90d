using System.Net;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Hosting.WeChat;
using ChatAssistant.Hours;
using ChatAssistant.Hours.Import;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Support.WeChat;
using TempDirectory = ChatAssistant.Tests.Support.TempDirectory;

namespace ChatAssistant.Tests.Hours;

/// <summary>
/// The 爱心超市 per Official Account, over real HTTP: an account with its own catalogue file (嵊州) lists and sells its
/// own items with its own pickup place; an account without one (金华) lists the shared catalogue; the volunteer's
/// points are the same at both. A broken account catalogue stops the start-up naming its setting.
/// </summary>
public sealed class CataloguePerAccountTests : IDisposable
{
    private const string JinhuaToken = "jinhuatoken1", JinhuaAppId = "wxjinhua000000001";
    private const string ShengzhouToken = "shengzhoutoken2", ShengzhouAppId = "wxshengzhou000002";
    private const string Volunteer = "oVolunteerAtBoth";

    private readonly TempDirectory _files = new("catalogue");

    public void Dispose() => _files.Dispose();

    private Dictionary<string, string?> Accounts(string shengzhouCatalogue) => new()
    {
        ["WeChat:Accounts:jinhua:Token"] = JinhuaToken,
        ["WeChat:Accounts:jinhua:AppId"] = JinhuaAppId,
        ["WeChat:Accounts:shengzhou:Token"] = ShengzhouToken,
        ["WeChat:Accounts:shengzhou:AppId"] = ShengzhouAppId,
        ["WeChat:Accounts:shengzhou:Catalogue"] = shengzhouCatalogue,
        ["WeChat:UserMessagesPerMinute"] = "0",
    };

    private static async Task<string> SayAsync(WeChatTestServer s, string account, WeChatRequestBuilder signer, string text, long msgId)
    {
        var (body, query) = signer.Build(WeChatRequestBuilder.Text(Volunteer, text, msgId), WeChatMode.Plain);
        using var request = WeChatRequestBuilder.Post(body, query);
        request.RequestUri = new Uri($"{WeChatEndpoints.Route}/{account}{query.ToQueryString()}", UriKind.Relative);
        using var response = await s.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        return raw.Length > 0 && raw != "success" ? signer.ReadReply(raw)["Content"] : raw;
    }

    [Fact]
    public async Task Each_account_sells_from_its_own_catalogue_and_one_without_from_the_shared_one()
    {
        var file = _files.File("shengzhou.yaml");
        File.WriteAllText(file, """
            pickup:
              place: 嵊州市邻舍+爱心超市
              address: 嵊州市鹿山街道
              openingHours: 周一至周五 9:00—17:00
              instructions: 凭订单号领取。
            items:
              - { id: SZ005, name: 越剧主题书签, category: 志愿文创, points: 5 }
            """);
        await using var s = await WeChatTestServer.StartAsync(scripted: false, overrides: Accounts(file));
        var identity = s.Server.Get<IdentityService>();
        Assert.True(identity.Import(RosterKind.Volunteer, new StringReader("id,name,district\nV501,志愿者甲,嵊州市\n")).Ok);
        Assert.Equal(BindStatus.Bound, (await identity.BindWithCodeAsync(Volunteer, identity.IssueCode(RosterKind.Volunteer, "V501").Code)).Status);
        var rows = Enumerable.Range(1, 10).Select(i => $"R5{i:00},V501,图书馆整理,嵊州团市委,2026-11-{i + 10:00},09:00,11:00,2").ToArray();
        Assert.True(s.Server.Get<HoursImporter>().Import(new StringReader(HoursKit.Csv(rows)), "tester", ChatAssistant.Staff.StaffScope.Everything).Ok);
        var jinhua = new WeChatRequestBuilder(JinhuaToken, JinhuaAppId, null, s.Time);
        var shengzhou = new WeChatRequestBuilder(ShengzhouToken, ShengzhouAppId, null, s.Time);
        await SayAsync(s, "shengzhou", shengzhou, "你好", 1);
        await SayAsync(s, "jinhua", jinhua, "你好", 2);

        var sharedItem = s.Server.Get<CatalogueProvider>().Current.Items[0].Name;
        var atJinhua = await SayAsync(s, "jinhua", jinhua, "兑换", 3);
        Assert.Contains(sharedItem, atJinhua);
        Assert.DoesNotContain("越剧主题书签", atJinhua);

        var atShengzhou = await SayAsync(s, "shengzhou", shengzhou, "兑换", 5);
        Assert.Contains("越剧主题书签", atShengzhou);
        Assert.DoesNotContain(sharedItem, atShengzhou);
        Assert.Contains("越剧主题书签", await SayAsync(s, "shengzhou", shengzhou, "1", 6));
        var placed = await SayAsync(s, "shengzhou", shengzhou, "是", 7);
        Assert.Contains("嵊州市邻舍+爱心超市", placed);
        var order = Assert.Single(s.Server.Get<IHoursStore>().Orders(null));
        Assert.Equal(("SZ005", 5), (order.ItemId, order.Points));
    }

    [Fact]
    public async Task A_broken_account_catalogue_stops_the_start_naming_its_setting()
    {
        var file = _files.File("broken.yaml");
        File.WriteAllText(file, "items:\n  - { id: X1, name: 无积分的物品 }\n");
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var s = await WeChatTestServer.StartAsync(scripted: false, overrides: Accounts(file));
            _ = s.Server.Get<CatalogueLibrary>();
        });
        Assert.Contains("WeChat:Accounts:shengzhou:Catalogue", error.ToString());
    }
}
