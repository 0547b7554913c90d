using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Escalation;

/// <summary>A flow that asks for a county, as the help-request flow will.</summary>
internal sealed class CountyFlow : Flow
{
    public const string FlowId = "test.county";

    public override string Id => FlowId;

    public override string Title => "测试区县";

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Ask("county", _ => "你在哪个区县？", (_, input) => Validation.Accept(input)),
        Step.Ask("what", _ => "想说什么？", (_, input) => Validation.Accept(input)),
    ];

    public static void Register(IServiceCollection services) =>
        services.AddFeature<CountyFlow>(new Intent { Id = FlowId, FlowId = FlowId, Keywords = ["测试区县"] });
}

/// <summary>Reads the hand-off flag as Bot.Builder stored it, whatever the IStorage.</summary>
internal static class StoredState
{
    public static async Task<bool> InHandoffAsync(IStorage storage, string userId, string channelId = "test")
    {
        var key = $"{channelId}/conversations/{userId}";
        var items = await storage.ReadAsync([key]);
        if (!items.TryGetValue(key, out var item)) return false;
        var state = Newtonsoft.Json.Linq.JObject.FromObject(item);
        return state[nameof(ConversationData)]?[nameof(ConversationData.InHandoff)]?.ToObject<bool>() ?? false;
    }

    /// <summary>True when <paramref name="text"/> appears anywhere in the user's stored conversation state.</summary>
    public static async Task<bool> ContainsAsync(IStorage storage, string userId, string text, string channelId = "test")
    {
        var key = $"{channelId}/conversations/{userId}";
        var items = await storage.ReadAsync([key]);
        return items.TryGetValue(key, out var item) && Newtonsoft.Json.JsonConvert.SerializeObject(item).Contains(text, StringComparison.Ordinal);
    }
}
