using ChatAssistant.Adapters;
using System.Text.RegularExpressions;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Hosting;
using ChatAssistant.Hours.Chat;
using ChatAssistant.Hours.Import;

namespace ChatAssistant.Hours;

/// <summary>DI of the hours feature: options, stores, services and the chat entries (时长, 积分, 兑换, 时长更正).</summary>
public static class HoursRegistration
{
    public static IServiceCollection AddHours(this IServiceCollection services)
    {
        services.AddSettings<HoursOptions, HoursOptionsValidator>(HoursOptions.Section);
        services.AddSingleton<IVolunteerDirectory, RosterVolunteerDirectory>();
        services.AddSingleton<HoursStore>();
        services.AddSingleton<HoursLedger>();
        services.AddSingleton<HoursImporter>();
        services.AddSingleton<HoursReview>();
        services.AddSingleton<CatalogueProvider>();
        services.AddSingleton<RedemptionService>();
        services.AddSingleton<HoursCorrections>();
        services.AddFeature<MyHoursFlow>(new Intent
        {
            Id = "hours.mine",
            FlowId = MyHoursFlow.FlowId,
            MenuTitle = "我的时长",
            MenuOrder = 20,
            Keywords = ["我的时长", "志愿时长", "服务时长", "查时长", "查询时长", "时长查询", "我的时数", "my hours"],
            MenuKeys = ["HOURS"],
        });
        services.AddFeature<MyPointsFlow>(new Intent
        {
            Id = "hours.points",
            FlowId = MyPointsFlow.FlowId,
            MenuTitle = "我的积分",
            MenuOrder = 21,
            Keywords = ["我的积分", "查积分", "积分余额", "积分查询", "存折积分", "我的爱心存折", "my points"],
            MenuKeys = ["POINTS"],
        });
        services.AddFeature<RedeemFlow>(new Intent
        {
            Id = "hours.redeem",
            FlowId = RedeemFlow.FlowId,
            MenuTitle = "积分兑换",
            MenuOrder = 30,
            // Not a bare "兑换" keyword: "益币怎么兑换" is a guide question, not an order.
            Keywords = ["积分兑换", "兑换积分", "我要兑换", "我想兑换", "兑换物品", "兑换礼品", "爱心超市兑换", "redeem"],
            Patterns = [new Regex(@"^\s*兑换\s*$")],
            MenuKeys = ["REDEEM"],
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
