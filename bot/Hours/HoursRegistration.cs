using ChatAssistant.Hours.LiteDb;
using ChatAssistant.Hours.Postgres;
using ChatAssistant.Storage;
using Microsoft.Extensions.Logging;
using ChatAssistant.Adapters;
using System.Text.RegularExpressions;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Hosting;
using ChatAssistant.Hours.Chat;
using ChatAssistant.Hours.Import;
using ChatAssistant.Identity;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Hours;

/// <summary>DI of the hours feature: options, stores, services and the chat entries (时长, 积分, 兑换, 时长更正).</summary>
public static class HoursRegistration
{
    public static IServiceCollection AddHours(this IServiceCollection services)
    {
        services.AddSettings<HoursOptions, HoursOptionsValidator>(HoursOptions.Section);
        services.AddSingleton<IVolunteerDirectory, RosterVolunteerDirectory>();
        services.AddRecordStore<IHoursStore, LiteHoursStore, PostgresHoursStore>();
        foreach (var copy in PostgresHoursStore.Copies()) services.AddSingleton(copy);
        services.AddSingleton<HoursLedger>();
        services.AddSingleton<HoursImporter>();
        services.AddSingleton<HoursReview>();
        services.AddSingleton<CatalogueProvider>();
        services.AddSingleton(sp => new CatalogueLibrary(sp.GetRequiredService<CatalogueProvider>(),
            sp.GetService<IOptions<Adapters.WeChat.WeChatOptions>>(), sp.GetRequiredService<ILogger<CatalogueProvider>>()));
        services.AddSingleton<RedemptionService>();
        services.AddSingleton<HoursCorrections>();
        services.AddFeature<MyHoursFlow>(new Intent
        {
            Id = "hours.mine",
            FlowId = MyHoursFlow.FlowId,
            MenuTitle = "我的时长",
            MenuOrder = 20,
            Keywords = ["我的时长", "志愿时长", "服务时长", "查时长", "查询时长", "时长查询", "我的时数", "my hours"],
            // 「我现在总共多少小时了」, 「看下我上个月做了几个小时志愿」, 「my volunteer hours?」.
            Patterns = [new Regex(@"^(?!.*(怎么|如何|为什么|咋|少了|少算|不对|错)).*我[^，。,?？]{0,6}(多少|几个?)小时|\bmy (volunteer )?hours\b", RegexOptions.IgnoreCase)],
            MenuKeys = ["HOURS"],
            ForRole = UserRoles.Volunteer,
            GuideEntries = ["hours-check"],
            Offer = new FeatureOffer(HoursTexts.HoursOffer, "我的时长"),
            BindHint = IdentityTexts.BindToUse(RosterKind.Volunteer, "查时长"),
        });
        services.AddFeature<MyPointsFlow>(new Intent
        {
            Id = "hours.points",
            FlowId = MyPointsFlow.FlowId,
            MenuTitle = "我的积分",
            MenuOrder = 21,
            Keywords = ["我的积分", "查积分", "积分余额", "积分查询", "存折积分", "我的爱心存折", "my points"],
            // 「我积分多少」, 「我还有几分」.
            Patterns = [new Regex(@"^(?!.*(怎么|如何|为什么|咋|换|兑)).*我[^，。,?？]{0,4}(积分|还有几分|还剩几分)[^，。,?？]{0,4}(多少|几分|几个)?$")],
            MenuKeys = ["POINTS"],
            ForRole = UserRoles.Volunteer,
            GuideEntries = ["points-check", "love-passbook", "hours-to-points"],
            Offer = new FeatureOffer(HoursTexts.PointsOffer, "我的积分"),
            BindHint = IdentityTexts.BindToUse(RosterKind.Volunteer, "查积分"),
        });
        services.AddFeature<RedeemFlow>(new Intent
        {
            Id = "hours.redeem",
            FlowId = RedeemFlow.FlowId,
            MenuTitle = "积分兑换",
            MenuOrder = 30,
            // Not a bare "兑换" keyword: "益币怎么兑换" is a guide question, not an order.
            Keywords = ["积分兑换", "兑换积分", "我要兑换", "我想兑换", "兑换物品", "兑换礼品", "爱心超市兑换", "redeem"],
            // 「我要換東西」, 「给我兑一个30分的」, 「我想用存折积分换个台灯」 — something to have, not 「我想换个时间」 or 换绑.
            Patterns =
            [
                new Regex(@"^\s*兑换(一下)?\s*$"),
                new Regex(@"^(?!.*(怎么|如何|什么|哪些|啥|规则|吗|能不能|可以|值班|班|时间|手机|号码|绑)).*((?=.*(东西|礼品|物品|奖品|纪念品|文创|积分|\d+分|最便宜|超市))(我要|我想|帮我|给我|就)[^，。]{0,10}(兑|换)|(我要|我想|帮我|给我)兑)"),
            ],
            MenuKeys = ["REDEEM"],
            // Questions about what can be had and how (「益币能不能换东西」, 「爱心超市最贵的要几分」) get these entries' answers.
            ForRole = UserRoles.Volunteer,
            GuideEntries = ["love-supermarket", "points-redeem-here", "yibi-exchange"],
            Offer = new FeatureOffer(HoursTexts.RedeemOffer, "兑换"),
            BindHint = IdentityTexts.BindToUse(RosterKind.Volunteer, "兑换"),
        });
        services.AddFeature<HoursCorrectionFlow>(new Intent
        {
            Id = "hours.correction",
            FlowId = HoursCorrectionFlow.FlowId,
            Patterns = [.. HoursComplaint.Patterns],
            // The volunteer's own words inside the flow (「应该是4小时」) are its answer, not a new start.
            Interrupts = false,
        });
        return services;
    }
}
