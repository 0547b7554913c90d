using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Conversation;

/// <summary>Flows that exist only in tests, to exercise the engine without a feature's rules.</summary>
internal sealed class OrderFlow : Flow
{
    public const string FlowId = "test.order";

    public override string Id => FlowId;

    public override string Title => "测试订单";

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Ask("count", _ => "要几份？（1-5）", (_, input) =>
            int.TryParse(input, out var n) && n is >= 1 and <= 5 ? Validation.Accept(n.ToString(System.Globalization.CultureInfo.InvariantCulture)) : Validation.Reject("请输入 1 到 5 之间的数字。")),
        Step.Choose("size", "选规格：", (_, _) => Task.FromResult<IReadOnlyList<Choice>>([new("S", "小份"), new("L", "大份")]), whenEmpty: "没有规格"),
        Step.Confirm("confirm", ctx => $"{ctx.Slot("count")} 份 {ctx.Slot("size")}，确认吗？"),
        Step.Do("done", async (ctx, ct) =>
        {
            await ctx.SendAsync($"已下单：{ctx.Slot("count")} 份 {ctx.Slot("size")}", ct);
            return StepResult.End();
        }),
    ];

    public static void Register(IServiceCollection services)
    {
        services.AddFeature<OrderFlow>(new Intent { Id = "test.order", FlowId = FlowId, MenuTitle = "测试订单", MenuOrder = 1, Keywords = ["测试下单"], MenuKeys = ["TEST_ORDER"] });
        services.AddFeature<NoteFlow>(new Intent { Id = "test.note", FlowId = NoteFlow.FlowId, Keywords = ["看公告"] });
    }
}

/// <summary>A one-step flow that can interrupt another.</summary>
internal sealed class NoteFlow : Flow
{
    public const string FlowId = "test.note";

    public override string Id => FlowId;

    public override string Title => "公告";

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("show", async (ctx, ct) =>
        {
            await ctx.SendAsync("今天的公告：周六有志愿活动。", ct);
            return StepResult.End();
        }),
    ];
}
