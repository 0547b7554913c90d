using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Storage;
using Newtonsoft.Json;

namespace ChatAssistant.Tests.Storage;

/// <summary>Session state is stored with short <c>$type</c> names for our own types, and long names still read.</summary>
public sealed class StateTypeNamesTests
{
    private static Dictionary<string, object> ConversationBag() => new()
    {
        ["ConversationData"] = new ConversationData
        {
            Welcomed = true,
            MenuShown = true,
            Flows = [new FlowFrame { FlowId = "booking.book", Step = 1, Attempts = 2, Slots = new() { ["utterance"] = "下周三下午两点", ["mode"] = "next" } }],
        },
    };

    [Fact]
    public void A_conversations_state_is_written_with_short_names_and_reads_back_the_same()
    {
        var json = StoreItemJson.Prepare("wechat/conversations/o1", ConversationBag()).Json!;

        Assert.Contains("\"$type\":\"dict\"", json);
        Assert.Contains("\"$type\":\"~Conversation.ConversationData\"", json);
        Assert.Contains("\"$type\":\"list:~Conversation.Flows.FlowFrame\"", json);
        Assert.Contains("\"$type\":\"~Conversation.Flows.FlowFrame\"", json);
        Assert.Contains("\"$type\":\"dict:string\"", json);
        Assert.DoesNotContain("System.Private.CoreLib", json);
        Assert.DoesNotContain("ChatAssistant.Bot", json);

        var bag = Assert.IsType<Dictionary<string, object>>(StoreItemJson.Read(json));
        var data = Assert.IsType<ConversationData>(bag["ConversationData"]);
        Assert.True(data.Welcomed);
        Assert.True(data.MenuShown);
        var frame = Assert.Single(data.Flows);
        Assert.Equal(("booking.book", 1, 2), (frame.FlowId, frame.Step, frame.Attempts));
        Assert.Equal(new Dictionary<string, string> { ["utterance"] = "下周三下午两点", ["mode"] = "next" }, frame.Slots);
    }

    [Fact]
    public void State_written_with_long_names_before_still_reads()
    {
        // As stored before short names (taken from a session in Redis).
        const string before = """
            {"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib","ConversationData":{"$type":"ChatAssistant.Conversation.ConversationData, ChatAssistant.Bot","Flows":{"$type":"System.Collections.Generic.List`1[[ChatAssistant.Conversation.Flows.FlowFrame, ChatAssistant.Bot]], System.Private.CoreLib","$values":[{"$type":"ChatAssistant.Conversation.Flows.FlowFrame, ChatAssistant.Bot","FlowId":"booking.book","Step":1,"Attempts":0,"Slots":{"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.String, System.Private.CoreLib]], System.Private.CoreLib","utterance":"我约的值班是哪天","mode":"next"}}]},"NotUnderstoodInARow":0,"InHandoff":false,"Welcomed":true}}
            """;
        var bag = Assert.IsType<Dictionary<string, object>>(StoreItemJson.Read(before));
        var frame = Assert.Single(Assert.IsType<ConversationData>(bag["ConversationData"]).Flows);
        Assert.Equal("我约的值班是哪天", frame.Slots["utterance"]);
        // Written again, it takes the short names.
        Assert.Contains("\"~Conversation.ConversationData\"", StoreItemJson.Prepare("k", bag).Json);
    }

    [Fact]
    public void Types_that_are_not_ours_keep_their_full_names()
    {
        var json = StoreItemJson.Prepare("k", new Dictionary<string, object> { ["set"] = new HashSet<int> { 3 }, ["when"] = new List<DateTimeOffset>() }).Json!;
        Assert.Contains("System.Collections.Generic.HashSet`1[[System.Int32, System.Private.CoreLib]]", json);
        Assert.Contains("System.Collections.Generic.List`1[[System.DateTimeOffset, System.Private.CoreLib]]", json);
        var bag = Assert.IsType<Dictionary<string, object>>(StoreItemJson.Read(json));
        Assert.Equal([3], Assert.IsType<HashSet<int>>(bag["set"]));
    }

    // Long names of types state is not made of are never built (a tampered store); short names bind only to
    // what they would have been written for.
    [Theory]
    [InlineData("System.Diagnostics.Process, System.Diagnostics.Process")]
    [InlineData("System.IO.FileInfo, System.Private.CoreLib")]
    [InlineData("System.Collections.Generic.List`1[[System.IO.FileInfo, System.Private.CoreLib]], System.Private.CoreLib")]
    [InlineData("System.Windows.Data.ObjectDataProvider, PresentationFramework")]
    [InlineData("~Conversation.NoSuchType")]
    [InlineData("~..System.Diagnostics.Process")]
    [InlineData("list:System.Int32")]
    public void A_stored_type_name_that_is_not_state_is_refused(string name)
    {
        var json = "{\"$type\":\"dict\",\"x\":{\"$type\":\"" + name + "\"}}";
        Assert.Throws<JsonSerializationException>(() => StoreItemJson.Read(json));
    }
}
