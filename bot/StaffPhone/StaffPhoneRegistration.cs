using ChatAssistant.Storage;
using ChatAssistant.Adapters;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.WeCom;
using ChatAssistant.OnCall;
using Microsoft.Extensions.Options;

namespace ChatAssistant.StaffPhone;

/// <summary>
/// Registers staff phones: the WeCom app (settings <c>WeCom:</c>, validated at start; its account, token, API and
/// callback intake are the WeChat family's, under the key <see cref="WeComOptions.AccountName"/>), the staff's WeCom
/// links, the alert chain and its cards, the bridge and the app's bot. The rota itself is the hand-off's
/// (<c>AddEscalation</c>).
/// </summary>
public static class StaffPhoneRegistration
{
    public static IServiceCollection AddStaffPhone(this IServiceCollection services)
    {
        services.AddSettings<WeComOptions, WeComOptionsValidator>(WeComOptions.Section);
        services.AddWeChatAccountApi(WeComOptions.AccountName, sp => sp.GetRequiredService<IOptions<WeComOptions>>().Value
            .Account(sp.GetRequiredService<IOptions<WeChatOptions>>().Value));
        services.AddWeChatIntake(WeComOptions.AccountName);
        services.AddSingleton<WeComCards>();
        services.AddRecordStore<IStaffWeComLinks, LiteDb.LiteStaffWeComLinks, Postgres.PostgresStaffWeComLinks>();
        services.AddSingleton<IRecordsTableCopy>(Postgres.PostgresStaffWeComLinks.Copy());
        services.AddSingleton<PhoneCards>();
        services.AddRecordStore<IEscalationAlertStore, OnCall.LiteDb.LiteEscalationAlertStore, OnCall.Postgres.PostgresEscalationAlertStore>();
        services.AddSingleton<IRecordsTableCopy>(OnCall.Postgres.PostgresEscalationAlertStore.Copy());
        services.AddSingleton<PhoneWorkLock>();
        services.AddSingleton<UrgentAlertChain>();
        services.AddSingleton<PhoneBridge>();
        services.AddSingleton<TicketPhoneAlerts>();
        services.AddSingleton<WeComStaffBot>();
        services.AddHostedService<StaffPhoneService>();
        return services;
    }
}
