using ChatAssistant.Adapters;
using ChatAssistant.Disputes;
using ChatAssistant.Tests.Support;
using LiteDB;
using Microsoft.Bot.Schema;

namespace ChatAssistant.Tests.Disputes;

public sealed class HelpRequestFlowTests
{
    [Fact]
    public async Task The_whole_request_flow_files_an_encrypted_ticket_and_gives_its_number()
    {
        await using var bot = BotHarness.Create();
        var chat = new Chat(bot.Services);
        var answers = new HelpRequestAnswers("我和室友因为宿舍电费吵得很厉害，希望有人帮忙调解。", Phone: "139 1234 5678", Name: "小林", CountyChoice: "2", CategoryChoice: "1");

        var filed = await answers.FileAsync(chat);

        var ticket = Assert.Single(DisputeFixtures.AllTickets(bot.Services));
        Assert.Contains(ticket.Number, filed);
        Assert.Contains("24 小时内确认、7 天内答复", filed);
        Assert.Equal(("金东区", "纠纷调解", "18至35岁", TicketStatus.New), (ticket.County, ticket.Category, ticket.AgeBand, ticket.Status));
        Assert.Equal(ContactMethod.Phone, ticket.Contact);
        Assert.False(ticket.Anonymous);
        Assert.Equal(bot.Time.GetUtcNow(), ticket.CreatedAt);
        var fields = bot.Get<TicketFieldReader>();
        Assert.StartsWith("v2.", ticket.Description);
        Assert.Equal(answers.Description, fields.Reveal(ticket, TicketFields.Description));
        Assert.Equal("13912345678", fields.Reveal(ticket, TicketFields.Phone));
        Assert.Equal("小林", fields.Reveal(ticket, TicketFields.Name));
    }

    [Fact]
    public async Task The_confirmation_shows_a_masked_phone_and_anonymous_requests_keep_no_name()
    {
        await using var bot = BotHarness.Create();
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        foreach (var answer in new[] { "求助", "是", "2", "1", "2", "最近心情很差，睡不着，想找人聊聊。" , "2" }) await chat.SayAsync(answer);
        Assert.Contains(DisputeTexts.BadPhone, await chat.SayJoinedAsync("12345"));
        await chat.SayAsync("+86 138-0013-8000");
        var summary = await chat.SayJoinedAsync("匿名");
        Assert.Contains("138****8000", summary);
        Assert.DoesNotContain("13800138000", summary);
        Assert.Contains("称呼：匿名", summary);
        await chat.SayAsync("是");
        var ticket = Assert.Single(DisputeFixtures.AllTickets(bot.Services));
        Assert.True(ticket.Anonymous);
        Assert.Null(ticket.Name);
        Assert.Equal("心理疏导", ticket.Category);
    }

    [Fact]
    public async Task Refusing_consent_gives_the_hotline_and_stores_nothing()
    {
        await using var bot = BotHarness.Create();
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        var notice = await chat.SayJoinedAsync("求助");
        Assert.Contains("我们会收集", notice);
        Assert.Contains("180 天", notice);
        var refused = await chat.SayJoinedAsync("否");
        Assert.Contains("12355", refused);
        Assert.Contains("没有保存任何信息", refused);
        Assert.Empty(DisputeFixtures.AllTickets(bot.Services));
        // The flow is over: the next message is not taken as an answer.
        Assert.DoesNotContain(DisputeTexts.AskAge, await chat.SayJoinedAsync("3"));
    }

    [Theory]
    [InlineData("算了")]
    [InlineData("不要了")]
    [InlineData("不用了")]
    public async Task Declining_consent_in_everyday_words_still_gives_the_hotlines(string no)
    {
        await using var bot = BotHarness.Create();
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        await chat.SayJoinedAsync("求助");
        var refused = await chat.SayJoinedAsync(no); // an answer to the question, not the global 取消
        Assert.Contains("12355", refused);
        Assert.Empty(DisputeFixtures.AllTickets(bot.Services));
    }

    [Fact]
    public async Task Under_14_without_a_guardians_consent_gets_12355_and_nothing_is_stored()
    {
        await using var bot = BotHarness.Create();
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        await chat.SayAsync("求助");
        await chat.SayAsync("是");
        Assert.Contains(DisputeTexts.AskGuardian, await chat.SayJoinedAsync("1"));
        var refused = await chat.SayJoinedAsync("不同意");
        Assert.Contains("12355", refused);
        Assert.Empty(DisputeFixtures.AllTickets(bot.Services));
    }

    [Fact]
    public async Task Under_14_with_a_guardians_consent_files_and_records_it()
    {
        await using var bot = BotHarness.Create();
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        await chat.SayAsync("求助");
        await chat.SayAsync("是");
        await chat.SayAsync("1");
        Assert.Contains(DisputeTexts.AskCounty, await chat.SayJoinedAsync("是"));
        foreach (var answer in new[] { "3", "爱心帮扶", "家里困难，需要学习用品方面的帮助。", "1", "1" }) await chat.SayAsync(answer);
        Assert.Contains("QQ", await chat.SayJoinedAsync("是"));
        var ticket = Assert.Single(DisputeFixtures.AllTickets(bot.Services));
        Assert.Equal((DisputeTexts.AgeUnder14, true, "兰溪市", "爱心帮扶"), (ticket.AgeBand, ticket.GuardianConsent, ticket.County, ticket.Category));
        Assert.Equal(ContactMethod.WeChat, ticket.Contact);
        Assert.Null(ticket.Phone);
    }

    [Fact]
    public async Task Saying_no_at_the_confirmation_stores_nothing()
    {
        await using var bot = BotHarness.Create();
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        foreach (var answer in new[] { "求助", "是", "3", "1", "1", "和同学之间有些误会需要调解。", "1", "1" }) await chat.SayAsync(answer);
        Assert.Contains(DisputeTexts.Abandoned, await chat.SayJoinedAsync("否"));
        Assert.Empty(DisputeFixtures.AllTickets(bot.Services));
    }

    [Fact]
    public async Task The_WeChat_menu_key_starts_the_request()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.Flow()
            .Send(new Activity { Type = ActivityTypes.Event, Name = ChannelEvents.MenuClick, Value = "HELP_REQUEST" })
            .AssertReply(DisputeTexts.Intro)
            .AssertReply(a => Assert.Contains("我们会收集", ((IMessageActivity)a).Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task My_requests_lists_only_my_own_with_their_status()
    {
        await using var bot = BotHarness.Create();
        var mine = DisputeFixtures.File(bot.Services, "婺城区", userId: "user1");
        DisputeFixtures.File(bot.Services, "婺城区", userId: "someone-else");
        bot.Get<TicketService>().ChangeStatus(mine.Id, TicketStatus.InProgress, "staff:test");
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        var list = await chat.SayJoinedAsync("我的求助");
        Assert.Contains($"1. {mine.Number} 纠纷调解 · 处理中 · 11月26日(周四) 10:00", list);
        Assert.DoesNotContain("2.", list);
        Assert.Contains(DisputeTexts.NoTickets, await new Chat(bot.Services, "nobody").SayJoinedAsync("我的求助"));
    }

    [Fact]
    public async Task Adding_information_is_stored_encrypted_on_the_ticket()
    {
        await using var bot = BotHarness.Create();
        var ticket = DisputeFixtures.File(bot.Services, "婺城区");
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        await chat.SayAsync("我的求助");
        Assert.Contains("1. 补充信息", await chat.SayJoinedAsync("1"));
        Assert.Contains(DisputeTexts.AskAddition, await chat.SayJoinedAsync("1"));
        Assert.Contains(DisputeTexts.AdditionSaved, await chat.SayJoinedAsync("对方今天又来找我了"));
        var saved = bot.Get<TicketService>().Find(ticket.Id)!;
        Assert.Equal(TicketEntryKind.UserAddition, Assert.Single(saved.History).Kind);
        Assert.Equal("对方今天又来找我了", bot.Get<TicketFieldReader>().RevealEntry(saved, 0));
    }

    [Fact]
    public async Task Withdrawing_deletes_the_personal_fields()
    {
        await using var bot = BotHarness.Create();
        var ticket = DisputeFixtures.File(bot.Services, "婺城区");
        bot.Get<TicketService>().UserAdd(ticket.Id, "user1", "补充一句话");
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        await chat.SayAsync("我的求助");
        await chat.SayAsync("1");
        Assert.Contains(DisputeTexts.ConfirmWithdraw, await chat.SayJoinedAsync("撤回求助"));
        Assert.Contains(DisputeTexts.Withdrawn, await chat.SayJoinedAsync("是"));

        var after = bot.Get<TicketService>().Find(ticket.Id)!;
        Assert.Equal(TicketStatus.Withdrawn, after.Status);
        Assert.Null(after.Description);
        Assert.Null(after.Phone);
        Assert.All(after.History, e => Assert.Null(e.Text));
        Assert.NotNull(after.PersonalDataDeletedAt);
        Assert.Contains(DisputeFixtures.Audit(bot.Services, "ticket:" + ticket.Number), e => e.Action == "ticket.withdrawn" && e.Actor == "user");
        // The list still shows it, as withdrawn, and it can no longer be changed.
        await chat.SayAsync("我的求助");
        Assert.Contains(DisputeTexts.TicketFinished, await chat.SayJoinedAsync("1"));
    }

    [Fact]
    public async Task A_purged_ticket_reopened_before_the_fix_takes_no_additions_and_the_user_is_told_to_file_a_new_one()
    {
        await using var bot = BotHarness.Create(settings: new Dictionary<string, string?> { ["Disputes:RetentionDays"] = "30" });
        var tickets = bot.Get<TicketService>();
        var ticket = DisputeFixtures.File(bot.Services, "婺城区");
        tickets.ChangeStatus(ticket.Id, TicketStatus.Resolved, "staff:x");
        bot.Time.Advance(TimeSpan.FromDays(31));
        Assert.Equal(1, tickets.PurgeExpired());
        // Reopened as the old code allowed (data already in the wild); the service now refuses it itself.
        Assert.Equal(TicketOutcomeKind.Conflict, tickets.ChangeStatus(ticket.Id, TicketStatus.InProgress, "staff:x").Kind);
        var collection = bot.Get<ILiteDatabase>().GetCollection<Ticket>(TicketService.Collection);
        var reopened = collection.FindById(ticket.Id);
        reopened.Status = TicketStatus.InProgress;
        collection.Update(reopened);

        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        await chat.SayAsync("我的求助");
        var shown = await chat.SayJoinedAsync("1");
        Assert.Contains(DisputeTexts.AdditionAfterPurge, shown);
        Assert.Contains("「求助」", DisputeTexts.AdditionAfterPurge);
        Assert.DoesNotContain("1. 补充信息", shown);

        var added = tickets.UserAdd(ticket.Id, "user1", "再补充一些新的情况");
        Assert.Equal(TicketOutcomeKind.Conflict, added.Kind);
        Assert.Equal(DisputeTexts.AdditionAfterPurge, added.Error);
        Assert.Empty(tickets.Find(ticket.Id)!.History);
    }

    [Fact]
    public async Task A_ticket_of_another_user_cannot_be_withdrawn()
    {
        await using var bot = BotHarness.Create();
        var ticket = DisputeFixtures.File(bot.Services, "婺城区", userId: "owner");
        var outcome = bot.Get<TicketService>().Withdraw(ticket.Id, "intruder");
        Assert.Equal(TicketOutcomeKind.Conflict, outcome.Kind);
        Assert.NotNull(bot.Get<TicketService>().Find(ticket.Id)!.Description);
    }

    [Theory]
    [InlineData("我想心理疏导")]
    [InlineData("需要纠纷调解！")]
    [InlineData("亲青老娘舅")]
    public async Task A_phrased_request_starts_the_flow(string text)
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        Assert.Contains(DisputeTexts.Intro, await bot.SayAsync(text));
    }

    [Fact]
    public async Task A_description_that_names_a_category_is_taken_as_the_description()
    {
        await using var bot = BotHarness.Create();
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        foreach (var answer in new[] { "求助", "是", "3", "1", "心理疏导" }) await chat.SayAsync(answer);
        Assert.Contains(DisputeTexts.AskContactMethod, await chat.SayJoinedAsync("我需要心理疏导，最近压力很大"));
    }
}
