using ChatAssistant.Storage;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Escalation;
using ChatAssistant.Hosting;
using ChatAssistant.Security;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Disputes;

/// <summary>Registers help requests (亲青老娘舅) and their staff endpoints.</summary>
public static partial class DisputeRegistration
{
    public static IServiceCollection AddDisputes(this IServiceCollection services)
    {
        services.AddSettings<DisputeOptions, DisputeOptionsValidator>(DisputeOptions.Section);
        services.AddSingleton<TicketEvents>();
        services.AddSingleton<ITicketEvents>(sp => sp.GetRequiredService<TicketEvents>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DisputeOptions>>().Value.BuildAreas());
        services.AddSingleton(sp => AccountAreas.Build(sp.GetRequiredService<CountyDirectory>(), sp.GetService<IOptions<WeChatOptions>>()?.Value));
        services.AddSingleton<Staff.IScopeAreas>(sp => sp.GetRequiredService<AccountAreas>()); // a city's staff see its counties
        services.AddSingleton<TicketScope>();
        services.AddRecordStore<ITicketStore, LiteDb.LiteTicketStore, Postgres.PostgresTicketStore>();
        services.AddSingleton<IRecordsTableCopy>(Postgres.PostgresTicketStore.Copy());
        services.AddSingleton<TicketService>();
        services.AddSingleton<TicketFieldReader>();
        services.AddSingleton<IFieldRebinding, TicketFieldRebinding>();
        services.AddSingleton<IUserCountyRecord, LastTicketCounty>();
        services.AddSingleton<IEscalationCountySource, ChosenCountySource>();
        services.AddHostedService<TicketRetentionService>();

        services.AddFeature<HelpRequestFlow>(new Intent
        {
            Id = "disputes.request",
            FlowId = HelpRequestFlow.FlowId,
            MenuTitle = DisputeTexts.FlowTitle,
            MenuOrder = 60,
            // Category names alone are not keywords (typed as an answer inside the flow they would restart it), and
            // the pattern only takes a whole short request, so a description that mentions them is not taken either.
            Keywords = ["求助", "亲青老娘舅", "老娘舅", "我要求助", "help request"],
            Patterns = [RequestPattern(), ApplyPattern()],
            MenuKeys = ["HELP_REQUEST"],
            GuideEntries = ["assistant-help-request", "qinqing-what", "qinqing-dispute", "qinqing-counsel", "qinqing-aid"],
            Offer = new FeatureOffer(DisputeTexts.RequestOffer, "求助"),
        }, new Intent
        {
            // A need said in the writer's words (「我被同学欺负了怎么办」, 「校园欺凌」, 「对方家长要我们赔钱，想找人调解」):
            // a short acknowledgement and the help request's offer. It never interrupts a running flow: said while a
            // question is open (a help request's description), it is the answer.
            Id = "disputes.need",
            FlowId = HelpRequestFlow.FlowId,
            Patterns = [.. HelpNeeds.Patterns],
            Interrupts = false,
        });
        services.AddFeature<MyTicketsFlow>(new Intent
        {
            Id = "disputes.mine",
            FlowId = MyTicketsFlow.FlowId,
            MenuTitle = DisputeTexts.MyTicketsTitle,
            MenuOrder = 70,
            Keywords = ["我的求助", "求助进度", "求助记录", "查看求助"],
            MenuKeys = ["MY_HELP_REQUESTS"],
            GuideEntries = ["help-status"],
            Offer = new FeatureOffer(DisputeTexts.MineOffer, "我的求助"),
        });
        return services;
    }

    /// <summary>Maps /api/staff/tickets.</summary>
    public static IEndpointRouteBuilder MapDisputeEndpoints(this IEndpointRouteBuilder endpoints) => endpoints.MapTicketEndpoints();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(我要|我想|想要|需要|申请|寻求|找人)做?(纠纷调解|调解|心理疏导|心理咨询|爱心帮扶|帮扶|权益维护|维权)[\s。！!？?]*$")]
    private static partial System.Text.RegularExpressions.Regex RequestPattern();

    // 「申请爱心帮扶，我爸住院了家里没钱」, 「帮我孙子申请一下心理疏导」: applying, with a story after — not a question about it.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?!.*(怎么|如何|什么|哪些|吗|条件|多久|流程|能不能|可以)).*申请(一下|个)?(纠纷调解|调解|心理疏导|心理咨询|爱心帮扶|帮扶|权益维护|维权)")]
    private static partial System.Text.RegularExpressions.Regex ApplyPattern();
}
