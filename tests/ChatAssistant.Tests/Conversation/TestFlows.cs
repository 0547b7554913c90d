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
        services.AddSingleton<TestStock>();
        services.AddFeature<QuietFlow>(new Intent { Id = "test.quiet", FlowId = QuietFlow.FlowId, Keywords = ["静默测试"] });
        services.AddFeature<PickFlow>(new Intent { Id = "test.pick", FlowId = PickFlow.FlowId, Keywords = ["领物资"] });
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

/// <summary>What <see cref="PickFlow"/> offers; a test empties it to play other users taking the last items.</summary>
internal sealed class TestStock
{
    public List<Choice> Items { get; } = [new("pen", "笔"), new("cup", "杯子")];
}

/// <summary>A numbered list computed when shown (like free duty slots), then a result.</summary>
internal sealed class PickFlow(TestStock stock) : Flow
{
    public const string FlowId = "test.pick";

    public override string Id => FlowId;

    public override string Title => "领物资";

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Choose("item", "选物资：", (_, _) => Task.FromResult<IReadOnlyList<Choice>>(stock.Items.ToList()), whenEmpty: "物资已领完，下次早点来。"),
        Step.Do("done", async (ctx, ct) =>
        {
            await ctx.SendAsync($"已领取：{ctx.Slot("item")}", ct);
            return StepResult.End();
        }),
    ];
}

/// <summary>A flow with a bug: it ends without a word (the bot must log that, with the route and nothing personal).</summary>
internal sealed class QuietFlow : Flow
{
    public const string FlowId = "test.quiet";

    public override string Id => FlowId;

    public override string Title => "静默";

    protected override IReadOnlyList<FlowStep> BuildSteps() => [Step.Do("nothing", (_, _) => Task.FromResult(StepResult.End()))];
}
