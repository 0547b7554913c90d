using ChatAssistant.Storage;
using ChatAssistant.Adapters;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Hosting;
using ChatAssistant.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatAssistant.Escalation;

/// <summary>Registers the hand-off: the IHandoffService, the forwarding interceptor, the store, the staff desk and the 转人工 entry.</summary>
public static class EscalationRegistration
{
    public static IServiceCollection AddEscalation(this IServiceCollection services)
    {
        services.AddSettings<EscalationOptions, EscalationOptionsValidator>(EscalationOptions.Section);
        services.AddRecordStore<IEscalationRecords, LiteDb.LiteEscalationRecords, Postgres.PostgresEscalationRecords>();
        services.AddSingleton<IRecordsTableCopy>(Postgres.PostgresEscalationRecords.CopyRecords());
        services.AddSingleton<IRecordsTableCopy>(Postgres.PostgresEscalationRecords.CopyEntries());
        services.AddSingleton<EscalationStore>();
        services.AddSingleton<IFieldRebinding, EscalationEntryRebinding>();
        services.AddSingleton<EscalationEvents>();
        services.AddSingleton<EscalationScope>();
        services.AddSingleton<WaitNotice>();
        services.AddSingleton<WaitAnswer>();
        services.AddSingleton<HandoffOffers>();
        services.AddSingleton<HandoffSelfService>();
        services.AddSingleton<HandoffFlag>();
        services.AddSingleton<HandoffStateWriter>();
        services.AddSingleton<EscalationDesk>();
        services.AddSingleton<EscalationDeskApi>();
        services.AddSingleton<BoundMemberCountySource>();
        services.AddSingleton<IEscalationCountySource>(sp => sp.GetRequiredService<BoundMemberCountySource>());
        services.AddSingleton<IUserCountyRecord>(sp => sp.GetRequiredService<BoundMemberCountySource>());
        services.AddSingleton<PickUpPolicy>();
        services.AddRecordList<OnCall.OnCallShift>(OnCall.OnCallStore.Collection);
        services.AddSingleton<OnCall.OnCallStore>();
        services.AddSingleton<OnCall.OnCallRota>();
        services.AddSingleton<HandoffService>();
        services.TryAddSingleton<IHandoffService, HandoffTurns>();
        services.AddSingleton<IMessageInterceptor, HandoffInterceptor>();
        services.AddHostedService<EscalationRetentionService>();
        services.AddFeature<HandoffFlow>(new Intent
        {
            Id = "handoff",
            FlowId = HandoffFlow.FlowId,
            MenuTitle = "转人工",
            MenuOrder = 90,
            Keywords = ["转人工", "找工作人员", "人工服务", "talk to a person"],
            // 「别机器人了，叫个工作人员来」, 「让值班的工作人员联系我一下」, 「找个人跟我说」 — not 「人工客服在哪里找」.
            Patterns =
            [
                new System.Text.RegularExpressions.Regex(@"^(?!.*(怎么|如何|吗|在哪|哪里|几点|电话|是不是|会不会)).*((叫|找|让)[^，。]{0,6}(真人|人工|工作人员|负责人|客服)|找个(真)?人(跟|和)我(说|聊))"),
            ],
        });
        return services;
    }
}
