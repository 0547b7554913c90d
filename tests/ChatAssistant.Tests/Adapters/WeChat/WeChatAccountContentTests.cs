using System.Net;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Conversation;
using ChatAssistant.Disputes;
using ChatAssistant.Hosting.WeChat;
using ChatAssistant.Knowledge;
using ChatAssistant.Tests.Knowledge;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Extensions.Options;
using TempDirectory = ChatAssistant.Tests.Support.TempDirectory;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>
/// Content per Official Account, over real HTTP with the real bot: each account answers from the shared guide with its
/// own overlay over it (entries replaced, added, hidden), lists its own counties in a help request and greets with its
/// own name; the other account, and the default one, keep the shared content.
/// </summary>
public sealed class WeChatAccountContentTests : IDisposable
{
    private const string JinhuaToken = "jinhuatoken1";
    private const string JinhuaAppId = "wxjinhua000000001";
    private const string ShengzhouToken = "shengzhoutoken2";
    private const string ShengzhouAppId = "wxshengzhou000002";

    private const string ShengzhouSupermarket = "嵊州爱心超市在各乡镇邻舍+服务点，5 分到 300 分分档兑换，回复「兑换」查看。";

    private readonly TempDirectory _overlay = new("overlay");

    public WeChatAccountContentTests()
    {
        File.WriteAllText(_overlay.File("rewards.yaml"), $$"""
            entries:
              - id: love-supermarket
                title: 嵊州爱心超市能换什么
                questions: [爱心超市在哪里, 爱心超市可以换什么东西, 积分能兑换哪些物品, 爱心超市兑换档位, 多少积分可以换礼物]
                answer: {{ShengzhouSupermarket}}
                tags: [爱心超市]
                source: 团嵊州市委
              - id: yueju-team
                title: 越剧志愿宣讲队怎么加入
                questions: [越剧志愿宣讲队怎么加入, 越剧宣讲队在哪报名, 想参加越剧志愿队, 越剧志愿者招人吗, 越剧宣讲队是做什么的]
                answer: 越剧志愿宣讲队每月在嵊州城区演出宣讲，报名请找所在乡镇团委。
                tags: [越剧]
                source: 团嵊州市委
            """);
        File.WriteAllText(_overlay.File("hide.yaml"), "hide: [yibi-what]\n");
    }

    public void Dispose() => _overlay.Dispose();

    private Dictionary<string, string?> Accounts() => new()
    {
        ["WeChat:Accounts:jinhua:Token"] = JinhuaToken,
        ["WeChat:Accounts:jinhua:AppId"] = JinhuaAppId,
        ["WeChat:Accounts:jinhua:DisplayName"] = "金华青年志愿",
        ["WeChat:Accounts:shengzhou:Token"] = ShengzhouToken,
        ["WeChat:Accounts:shengzhou:AppId"] = ShengzhouAppId,
        ["WeChat:Accounts:shengzhou:DisplayName"] = "嵊州团团",
        ["WeChat:Accounts:shengzhou:Counties:0"] = "嵊州市",
        ["WeChat:Accounts:shengzhou:GuideOverlay"] = _overlay.Path,
        ["WeChat:UserMessagesPerMinute"] = "0",
    };

    private static async Task<string> SayAsync(WeChatTestServer s, string account, WeChatRequestBuilder signer, string openId, string text, long msgId)
    {
        var (body, query) = signer.Build(WeChatRequestBuilder.Text(openId, text, msgId), WeChatMode.Plain);
        using var request = WeChatRequestBuilder.Post(body, query);
        request.RequestUri = new Uri($"{WeChatEndpoints.Route}/{account}{query.ToQueryString()}", UriKind.Relative);
        using var response = await s.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        return raw.Length > 0 && raw != "success" ? signer.ReadReply(raw)["Content"] : raw;
    }

    [Fact]
    public async Task Each_account_answers_from_the_shared_guide_with_its_own_overlay()
    {
        await using var s = await WeChatTestServer.StartAsync(scripted: false, overrides: Accounts());
        var jinhua = new WeChatRequestBuilder(JinhuaToken, JinhuaAppId, null, s.Time);
        var shengzhou = new WeChatRequestBuilder(ShengzhouToken, ShengzhouAppId, null, s.Time);
        var shared = KnowledgeBase.Load(GuideFiles.RepositoryGuide);
        await SayAsync(s, "jinhua", jinhua, "oSame", "你好", 1);
        await SayAsync(s, "shengzhou", shengzhou, "oSame", "你好", 2);

        // Replaced: 嵊州's own 爱心超市; 金华 keeps the shared answer.
        Assert.Contains(ShengzhouSupermarket, await SayAsync(s, "shengzhou", shengzhou, "oSame", "爱心超市可以换什么东西", 3));
        var atJinhua = await SayAsync(s, "jinhua", jinhua, "oSame", "爱心超市可以换什么东西", 4);
        Assert.DoesNotContain(ShengzhouSupermarket, atJinhua);
        Assert.Contains(shared.Find("love-supermarket")!.Answer[..20], atJinhua);

        // Added: only 嵊州 knows its 越剧 team.
        Assert.Contains("越剧志愿宣讲队每月", await SayAsync(s, "shengzhou", shengzhou, "oSame", "越剧志愿宣讲队怎么加入", 5));
        Assert.DoesNotContain("越剧志愿宣讲队每月", await SayAsync(s, "jinhua", jinhua, "oSame", "越剧志愿宣讲队怎么加入", 6));

        // Hidden: 嵊州 does not answer with 益币 (金华's points), 金华 does.
        var yibi = shared.Find("yibi-what")!.Answer[..20];
        Assert.Contains(yibi, await SayAsync(s, "jinhua", jinhua, "oSame", "益币是什么", 7));
        Assert.DoesNotContain(yibi, await SayAsync(s, "shengzhou", shengzhou, "oSame", "益币是什么", 8));
    }

    [Fact]
    public async Task Each_account_lists_its_own_counties_and_greets_with_its_own_name()
    {
        await using var s = await WeChatTestServer.StartAsync(scripted: false, overrides: Accounts());
        var jinhua = new WeChatRequestBuilder(JinhuaToken, JinhuaAppId, null, s.Time);
        var shengzhou = new WeChatRequestBuilder(ShengzhouToken, ShengzhouAppId, null, s.Time);

        Assert.Contains("欢迎来到嵊州团团", await SayAsync(s, "shengzhou", shengzhou, "oSame", "你好", 1));
        Assert.Contains("欢迎来到金华青年志愿", await SayAsync(s, "jinhua", jinhua, "oSame", "你好", 2));

        async Task<string> CountyQuestionAsync(string account, WeChatRequestBuilder signer, long first)
        {
            Assert.Contains(DisputeTexts.Intro, await SayAsync(s, account, signer, "oSame", "求助", first));
            Assert.Contains(DisputeTexts.AskAge, await SayAsync(s, account, signer, "oSame", "是", first + 1));
            return await SayAsync(s, account, signer, "oSame", "14到18岁", first + 2);
        }

        var atShengzhou = await CountyQuestionAsync("shengzhou", shengzhou, 10);
        Assert.Contains("1. 嵊州市\n2. 其他地区", atShengzhou);
        Assert.DoesNotContain("天台县", atShengzhou);
        var atJinhua = await CountyQuestionAsync("jinhua", jinhua, 20);
        Assert.Contains("婺城区", atJinhua);
        Assert.Contains("天台县", atJinhua);
        Assert.Contains("嵊州市", atJinhua);
        // A county is found only among the account's own: 「天台」 under 嵊州 is asked again.
        Assert.Contains(DisputeTexts.CountyNotFound, await SayAsync(s, "shengzhou", shengzhou, "oSame", "天台", 30));
    }

    [Fact]
    public void An_unknown_county_or_a_missing_overlay_folder_names_the_setting()
    {
        var options = new WeChatOptions();
        options.Accounts["shengzhou"] = new WeChatOptions { Token = ShengzhouToken, AppId = ShengzhouAppId, GuideOverlay = Path.Combine(_overlay.Path, "nope") };
        var result = new WeChatOptionsValidator().Validate(null, options);
        Assert.Contains(result.Failures!, f => f.StartsWith("WeChat:Accounts:shengzhou:GuideOverlay", StringComparison.Ordinal));

        options.Accounts["shengzhou"].Counties = ["嵊州县"];
        var error = Assert.Throws<OptionsValidationException>(() => AccountAreas.Build(new DisputeOptions().BuildAreas(), options));
        Assert.Contains("WeChat:Accounts:shengzhou:Counties", error.Message);
        Assert.Contains("嵊州县", error.Message);
    }

    [Fact]
    public void The_default_name_is_the_assistants_own()
    {
        Assert.Equal(AccountNames.Default, new AccountNames(null).For(WeChatAdapter.ChannelId));
        Assert.Contains(AccountNames.Default, ConversationTexts.Welcome);
    }
}
