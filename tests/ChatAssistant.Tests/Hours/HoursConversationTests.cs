using ChatAssistant.Adapters;
using ChatAssistant.Hours;
using ChatAssistant.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatAssistant.Tests.Hours;

public sealed class HoursConversationTests
{
    [Fact]
    public async Task An_unbound_user_is_told_how_to_bind_and_sees_nothing_personal()
    {
        await using var kit = HoursKit.Create();
        kit.GiveHours("V001", 4);
        await kit.Bot.SayAsync("你好");
        var notBound = IdentityTexts.NotBound(RosterKind.Volunteer);
        Assert.Equal([notBound], await kit.Bot.SayAsync("我的时长"));
        Assert.Equal([notBound], await kit.Bot.SayAsync("我的积分"));
        Assert.Equal([notBound], await kit.Bot.SayAsync("兑换"));
    }

    [Fact]
    public async Task My_hours_shows_verified_total_this_year_pending_and_recent_activities()
    {
        await using var kit = HoursKit.Create();
        kit.Import(HoursKit.Csv(
            "R1,V001,垃圾分类宣传,嵊州团市委,2026-11-20,09:00,11:00,2",
            "R2,V001,敬老院探访,邻舍+志愿服务队,2025-06-01,09:00,12:00,3",
            "X1,V001,交通劝导,嵊州团市委,2026-11-21,09:00,11:00,5"));
        kit.Bind("V001");
        await kit.Bot.SayAsync("你好");

        var reply = Assert.Single(await kit.Bot.SayAsync("我的时长"));
        Assert.Contains("累计 5 小时", reply);
        Assert.Contains("2026 年 2 小时", reply);
        Assert.Contains("另有 5 小时待工作人员核实", reply);
        Assert.Contains("11月21日 交通劝导（嵊州团市委）5 小时，待核实", reply);
        Assert.Contains("11月20日 垃圾分类宣传", reply);
        Assert.True(reply.IndexOf("11月21日", StringComparison.Ordinal) < reply.IndexOf("6月1日", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_wechat_menu_key_HOURS_opens_my_hours()
    {
        await using var kit = HoursKit.Create();
        kit.Bind("V001");
        await kit.Bot.Flow()
            .Send(new Activity { Type = ActivityTypes.Event, Name = ChannelEvents.MenuClick, Value = "HOURS" })
            .AssertReply(HoursTexts.NoRecords)
            .StartTestAsync();
    }

    [Fact]
    public async Task My_points_shows_earned_spent_and_available()
    {
        await using var kit = HoursKit.Create();
        kit.GiveHours("V001", 12);
        kit.Get<RedemptionService>().Redeem("V001", "T5");
        kit.Bind("V001");
        await kit.Bot.SayAsync("你好");
        var reply = Assert.Single(await kit.Bot.SayAsync("我的积分"));
        Assert.Contains("累计获得 12 分", reply);
        Assert.Contains("已兑换 5 分", reply);
        Assert.Contains("现在可用 7 分", reply);
    }

    [Fact]
    public async Task Redeeming_shows_the_catalogue_by_tier_then_confirms_and_gives_an_order_number_and_pickup()
    {
        await using var kit = HoursKit.Create();
        kit.GiveHours("V001", 12);
        kit.Bind("V001");
        await kit.Bot.SayAsync("你好");

        var catalogue = Assert.Single(await kit.Bot.SayAsync("兑换"));
        Assert.StartsWith(HoursTexts.CatalogueHeading(12), catalogue);
        Assert.Contains("现在就能兑换：\n【5 积分】\n1. 环保袋（生活用品）\n2. 徽章（志愿文创）\n【10 积分】\n3. 笔记本（学习文具）\n积分攒够后可以兑换：\n【30 积分】\n4. 文化衫", catalogue);

        var confirm = Assert.Single(await kit.Bot.SayAsync("3"));
        Assert.Contains("笔记本", confirm);
        Assert.Contains("兑换后还剩 2 积分", confirm);

        var done = Assert.Single(await kit.Bot.SayAsync("是"));
        var order = Assert.Single(kit.Store.Orders(null));
        Assert.Contains($"订单号 {order.OrderNo}", done);
        Assert.Contains("测试爱心超市，测试路 1 号", done);
        Assert.Contains("凭订单号领取", done);
        Assert.Equal(("T10", 10m, OrderStatus.Placed), (order.ItemId, order.Points, order.Status));
        Assert.Equal(2m, kit.Ledger.Points("V001").Available);
    }

    [Fact]
    public async Task Choosing_an_item_beyond_the_balance_says_how_many_points_are_missing_and_changes_nothing()
    {
        await using var kit = HoursKit.Create();
        kit.GiveHours("V001", 7);
        kit.Bind("V001");
        await kit.Bot.SayAsync("你好");
        await kit.Bot.SayAsync("我要兑换");

        var reply = Assert.Single(await kit.Bot.SayAsync("4"));
        Assert.Equal(
            "「文化衫」需要 30 积分，你现在可用 7 积分，还差 23 分，暂时换不了。\n你现在可以换：1. 环保袋（5 积分）、2. 徽章（5 积分）\n回复序号选择，或回复「取消」退出。",
            reply);
        Assert.Contains("还差 23 分", reply);
        var confirm = Assert.Single(await kit.Bot.SayAsync("1"));
        Assert.Contains("兑换后还剩 2 积分", confirm);
        Assert.Empty(kit.Store.Orders(null));
    }

    [Fact]
    public async Task With_too_few_points_for_anything_the_volunteer_is_encouraged_not_shown_a_list()
    {
        await using var kit = HoursKit.Create();
        kit.GiveHours("V001", 3);
        kit.Bind("V001");
        await kit.Bot.SayAsync("你好");
        Assert.Equal([HoursTexts.NotEnoughForAny(3, 5)], await kit.Bot.SayAsync("积分兑换"));
    }

    [Fact]
    public async Task Saying_no_at_the_confirmation_places_no_order()
    {
        await using var kit = HoursKit.Create();
        kit.GiveHours("V001", 10);
        kit.Bind("V001");
        await kit.Bot.SayAsync("你好");
        await kit.Bot.SayAsync("兑换");
        await kit.Bot.SayAsync("1");
        await kit.Bot.SayAsync("否");
        Assert.Empty(kit.Store.Orders(null));
        Assert.Equal(10m, kit.Ledger.Points("V001").Available);
    }

    [Fact]
    public async Task A_price_changed_between_confirmation_and_yes_is_shown_and_asked_again_before_anything_is_charged()
    {
        await using var kit = HoursKit.Create();
        kit.GiveHours("V001", 20);
        kit.Bind("V001");
        await kit.Bot.SayAsync("你好");
        await kit.Bot.SayAsync("兑换");
        Assert.Contains("需要 10 积分", Assert.Single(await kit.Bot.SayAsync("3")));

        // Staff raise the 笔记本 from 10 to 12 points while the volunteer reads the confirmation.
        File.WriteAllText(kit.CataloguePath, HoursKit.TestCatalogue.Replace("points: 10", "points: 12", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(kit.CataloguePath, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(1));

        var again = Assert.Single(await kit.Bot.SayAsync("是"));
        Assert.StartsWith(HoursTexts.PriceChanged("笔记本", 10, 12), again);
        Assert.Contains("需要 12 积分，兑换后还剩 8 积分", again);
        Assert.Empty(kit.Store.Orders(null));
        Assert.Equal(20m, kit.Ledger.Points("V001").Available);

        await kit.Bot.SayAsync("是");
        Assert.Equal(12m, Assert.Single(kit.Store.Orders(null)).Points);
        Assert.Equal(8m, kit.Ledger.Points("V001").Available);
    }
}
