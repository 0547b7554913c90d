using ChatAssistant.Adapters;
using ChatAssistant.Conversation;
using ChatAssistant.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Escalation;

/// <summary>Registers the hand-off: the IHandoffService, the forwarding interceptor, the store and the staff desk.</summary>
public static class EscalationRegistration
{
    public static IServiceCollection AddEscalation(this IServiceCollection services)
    {
        services.AddSettings<EscalationOptions, EscalationOptionsValidator>(EscalationOptions.Section);
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
        services.AddSingleton<IEscalationCountySource, FlowSlotCountySource>();
        services.AddSingleton<BoundMemberCountySource>();
        services.AddSingleton<IEscalationCountySource>(sp => sp.GetRequiredService<BoundMemberCountySource>());
        services.AddSingleton<IUserCountyRecord>(sp => sp.GetRequiredService<BoundMemberCountySource>());
        services.AddSingleton<PickUpPolicy>();
        services.TryAddSingleton<IHandoffService, HandoffService>();
        services.AddSingleton<IMessageInterceptor, HandoffInterceptor>();
        services.AddHostedService<EscalationRetentionService>();
        return services;
    }
}
