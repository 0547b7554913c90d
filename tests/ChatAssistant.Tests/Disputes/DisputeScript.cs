using ChatAssistant.Adapters;
using ChatAssistant.Audit;
using ChatAssistant.Disputes;
using ChatAssistant.Staff;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Disputes;

/// <summary>Chats with the bot of any host (BotHarness or AssistantServer) through the production pipeline.</summary>
internal sealed class Chat(IServiceProvider services, string userId = "user1")
{
    public string UserId => userId;

    /// <summary>Sends one message; returns every text the bot answered.</summary>
    public async Task<IReadOnlyList<string>> SayAsync(string text)
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation(userId, userId, "bot"));
        services.GetRequiredService<IBotPipeline>().Apply(adapter);
        await adapter.ProcessActivityAsync(adapter.MakeActivity(text), services.GetRequiredService<IBot>().OnTurnAsync, CancellationToken.None);
        var replies = new List<string>();
        while (adapter.ActiveQueue.Count > 0)
            if (adapter.ActiveQueue.Dequeue().Text is { Length: > 0 } reply) replies.Add(reply);
        return replies;
    }

    /// <summary>Sends and returns all replies joined, for Contains assertions.</summary>
    public async Task<string> SayJoinedAsync(string text) => string.Join("\n", await SayAsync(text));
}

/// <summary>The answers of one help request, and how to walk the whole flow with them.</summary>
internal sealed record HelpRequestAnswers(
    string Description,
    string? Phone = null,
    string? Name = null,
    string AgeChoice = "3",
    string CountyChoice = "1",
    string CategoryChoice = "1")
{
    /// <summary>Walks 求助 → … → 是 and returns the last replies (the ticket number message).</summary>
    public async Task<string> FileAsync(Chat chat)
    {
        await chat.SayAsync("你好");
        Assert.Contains(DisputeTexts.Intro, await chat.SayJoinedAsync("求助"));
        Assert.Contains(DisputeTexts.AskAge, await chat.SayJoinedAsync("是"));
        Assert.Contains(DisputeTexts.AskCounty, await chat.SayJoinedAsync(AgeChoice));
        Assert.Contains(DisputeTexts.AskCategory, await chat.SayJoinedAsync(CountyChoice));
        Assert.Contains(DisputeTexts.AskDescription, await chat.SayJoinedAsync(CategoryChoice));
        Assert.Contains(DisputeTexts.AskContactMethod, await chat.SayJoinedAsync(Description));
        if (Phone is null)
        {
            Assert.Contains(DisputeTexts.AskIdentity, await chat.SayJoinedAsync("1"));
        }
        else
        {
            Assert.Contains(DisputeTexts.AskPhone, await chat.SayJoinedAsync("2"));
            Assert.Contains(DisputeTexts.AskIdentity, await chat.SayJoinedAsync(Phone));
        }
        if (Name is null)
        {
            Assert.Contains("请确认你的求助", await chat.SayJoinedAsync("1"));
        }
        else
        {
            Assert.Contains(DisputeTexts.AskName, await chat.SayJoinedAsync("2"));
            Assert.Contains("请确认你的求助", await chat.SayJoinedAsync(Name));
        }
        return await chat.SayJoinedAsync("是");
    }
}

/// <summary>Shortcuts for tickets and staff in tests.</summary>
internal static class DisputeFixtures
{
    public static IReadOnlyList<Ticket> AllTickets(IServiceProvider services) =>
        services.GetRequiredService<ILiteDatabase>().GetCollection<Ticket>(TicketService.Collection).FindAll().ToList();

    /// <summary>Files a ticket directly through the domain service (for staff-API tests).</summary>
    public static Ticket File(IServiceProvider services, string county, string description = "室友之间因为费用问题发生争执，希望调解", string? phone = "13800138000", string userId = "user1", string channel = "test")
    {
        var tickets = services.GetRequiredService<TicketService>();
        return tickets.Create(new NewTicket(userId, channel, "18至35岁", false, county, "纠纷调解", true,
            phone is null ? ContactMethod.WeChat : ContactMethod.Phone, description, phone, null, tickets.Now));
    }

    /// <summary>A bearer-token client for a new staff account (admin when <paramref name="scope"/> is null).</summary>
    public static HttpClient StaffClient(Support.AssistantServer server, string name, string? scope)
    {
        var store = server.Get<StaffStore>();
        store.Create(name, "a long enough password", scope is null ? StaffRoles.Admin : StaffRoles.Staff, scope);
        var client = server.CreateClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", server.Get<StaffTokens>().Issue(name, "test"));
        return client;
    }

    public static IReadOnlyList<AuditEntry> Audit(IServiceProvider services, string subject) =>
        services.GetRequiredService<AuditLog>().Recent(1000, subject);
}
