using ChatAssistant.Adapters;
using System.Text.RegularExpressions;
using ChatAssistant.Booking.Door;
using ChatAssistant.Booking.Door.LiteDb;
using ChatAssistant.Booking.Door.Postgres;
using ChatAssistant.Booking.LiteDb;
using ChatAssistant.Booking.Postgres;
using ChatAssistant.Storage;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Hosting;
using ChatAssistant.Identity;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking;

/// <summary>DI of the duty-booking feature: options, stores, rules, reminders, flows, the door codes and the door screen.</summary>
public static class BookingRegistration
{
    public static IServiceCollection AddBooking(this IServiceCollection services)
    {
        services.AddSettings<BookingOptions, BookingOptionsValidator>(BookingOptions.Section);
        services.AddRecordStore<IStudioStore, LiteStudioStore, PostgresStudioStore>();
        services.AddRecordStore<IBookingStore, LiteBookingStore, PostgresBookingStore>();
        services.AddRecordStore<IReminderStore, LiteReminderStore, PostgresReminderStore>();
        services.AddSingleton<SlotCalendar>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<BookingService>();
        services.AddSingleton<BookingReports>();
        services.AddSingleton<ReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        services.AddRecordStore<IDoorKeyStore, LiteDoorKeyStore, PostgresDoorKeyStore>();
        // What 'records copy' moves, studios first (bookings and keys name them), bookings before their reminders.
        services.AddSingleton<IRecordsTableCopy>(PostgresStudioStore.Copy());
        services.AddSingleton<IRecordsTableCopy>(PostgresBookingStore.Copy());
        services.AddSingleton<IRecordsTableCopy>(PostgresReminderStore.Copy());
        services.AddSingleton<IRecordsTableCopy>(PostgresDoorKeyStore.Copy());
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
                new Regex(@"^(?!.*(取消|退订|不去|我的值班|查|哪些|几次|约了哪|看看|看下|多少|多久|怎么|如何|什么|规则)).*(想|要|去|约|报名|安排).{0,16}(值班|驻室)", RegexOptions.IgnoreCase),
                new Regex(@"^\s*(我|我想|我要|帮我|再)?预约(?!.*(取消|退订|不去|求助)).{0,12}(今天|明天|后天|周|星期|礼拜|月|号|日|点|上午|下午|晚上)", RegexOptions.IgnoreCase),
            ],
            MenuKeys = ["BOOKING"],
            // A bound delegate's 「周日上午九点」 or 「12月3日14:00-16:00」 alone is a booking.
            ReadsTimes = true,
            ForRole = UserRoles.Delegate,
            GuideEntries = ["delegate-book", "delegate-duty-rule", "delegate-roster", "delegate-attendance"],
            Offer = new FeatureOffer(BookingTexts.BookOffer, "预约值班"),
            BindHint = IdentityTexts.BindToUse(RosterKind.Delegate, "预约值班"),
        });
        services.AddFeature<MyDutiesFlow>(new Intent
        {
            Id = "booking.mine",
            FlowId = MyDutiesFlow.FlowId,
            MenuTitle = "我的值班",
            MenuOrder = 50,
            Keywords = ["我的值班", "值班记录", "查值班", "查询值班", "值班情况", "值班次数", "my duties"],
            // "我还要值几次班", "今年值了多少次班" — how many duties are done or still due is in 我的值班.
            // 「我约了哪些值班」, 「还剩几次没值」, 「show me the duty slots I've booked」.
            Patterns =
            [
                new Regex(@"值了?(几|多少)次班?|(几|多少)次班|(几|多少)次没值|还(剩|差)(几|多少)次|约了(哪些|哪几|几个|几次)"),
                new Regex(@"^(?!.*cancel).*(\bmy dut(y|ies)\b|(duty|duties)[^.?!]{0,20}\bbooked\b|\bbooked\b[^.?!]{0,20}(duty|duties))", RegexOptions.IgnoreCase),
            ],
            MenuKeys = ["MY_DUTIES"],
            ForRole = UserRoles.Delegate,
            GuideEntries = ["delegate-my-duty"],
            Offer = new FeatureOffer(BookingTexts.MineOffer, "我的值班"),
            BindHint = IdentityTexts.BindToUse(RosterKind.Delegate, "查看值班"),
        });
        services.AddFeature<CancelDutyFlow>(new Intent
        {
            Id = "booking.cancel",
            FlowId = CancelDutyFlow.FlowId,
            Keywords = ["取消值班", "取消预约", "退订值班", "不去值班", "cancel duty"],
            // 「取消我周四下午的值班」, 「週五的班幫我取消」, 「下午那个值班不要了」, 「cancel my duty on Saturday」 — not a question
            // about cancelling (「取消值班要提前多久」, the guide's).
            Patterns =
            [
                new Regex(@"^(?!.*(怎么|如何|多久|提前|规则|扣分|会不会|能不能|可不可以|吗)).*((取消|退掉|退订|不去了|去不了|不要了|\bcancel\b|\bqx\b).*(值班|的班|个班|驻室|duty|shift)|(值班|的班|个班|驻室|duty|shift).*(取消|退掉|退订|不去了|去不了|不要了|\bcancel\b))", RegexOptions.IgnoreCase),
            ],
            ForRole = UserRoles.Delegate,
        });
        return services;
    }
}
