using ChatAssistant.Adapters;
using System.Text.RegularExpressions;
using ChatAssistant.Booking.Door;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Hosting;

namespace ChatAssistant.Booking;

/// <summary>DI of the duty-booking feature: options, stores, rules, reminders, flows, the door codes and the door screen.</summary>
public static class BookingRegistration
{
    public static IServiceCollection AddBooking(this IServiceCollection services)
    {
        services.AddSettings<BookingOptions, BookingOptionsValidator>(BookingOptions.Section);
        services.AddSingleton<StudioStore>();
        services.AddSingleton<BookingStore>();
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<SlotCalendar>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<BookingService>();
        services.AddSingleton<BookingReports>();
        services.AddSingleton<ReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        services.AddSingleton<DoorKeyStore>();
        services.AddSingleton<DoorNonces>();
        services.AddSingleton<DoorCodes>();
        services.AddSingleton<ISceneHandler, DutyCheckInScene>();

        services.AddFeature<BookDutyFlow>(new Intent
        {
            Id = "booking.book",
            FlowId = BookDutyFlow.FlowId,
            MenuTitle = "预约值班（团代表）",
            MenuOrder = 40,
            Keywords = ["预约值班", "值班预约", "我要值班", "预约驻室", "book duty", "book a duty"],
            // "我想下周三下午去值班", "约个时间值班" — but not "取消值班" or "我的值班"; "预约下周四下午三点" (预约 and a time).
            Patterns =
            [
                new Regex(@"^(?!.*(取消|退订|不去|我的值班|查)).*(想|要|去|约|报名|安排).{0,16}(值班|驻室)", RegexOptions.IgnoreCase),
                new Regex(@"^\s*(我|我想|我要|帮我|再)?预约(?!.*(取消|退订|不去|求助)).{0,12}(今天|明天|后天|周|星期|礼拜|月|号|日|点|上午|下午|晚上)", RegexOptions.IgnoreCase),
            ],
            MenuKeys = ["BOOKING"],
        });
        services.AddFeature<MyDutiesFlow>(new Intent
        {
            Id = "booking.mine",
            FlowId = MyDutiesFlow.FlowId,
            MenuTitle = "我的值班",
            MenuOrder = 50,
            Keywords = ["我的值班", "值班记录", "查值班", "查询值班", "值班情况", "值班次数", "my duties"],
            // "我还要值几次班", "今年值了多少次班" — how many duties are done or still due is in 我的值班.
            Patterns = [new Regex(@"值了?(几|多少)次班?|(几|多少)次班")],
            MenuKeys = ["MY_DUTIES"],
        });
        services.AddFeature<CancelDutyFlow>(new Intent
        {
            Id = "booking.cancel",
            FlowId = CancelDutyFlow.FlowId,
            Keywords = ["取消值班", "取消预约", "退订值班", "不去值班", "cancel duty"],
        });
        return services;
    }
}
