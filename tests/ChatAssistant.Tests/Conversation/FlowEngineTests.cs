using ChatAssistant.Conversation.Flows;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Conversation;

public sealed class FlowEngineTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public Task InitializeAsync()
    {
        _bot = BotHarness.Create(OrderFlow.Register);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<string> Say(string text) => string.Join("\n", await _bot.SayAsync(text));

    [Fact]
    public async Task A_flow_collects_validated_slots_confirms_and_acts()
    {
        await Say("你好");
        Assert.Contains("要几份", await Say("测试下单"));
        Assert.Contains("选规格", await Say("2"));
        Assert.Contains("确认吗", await Say("2"));
        Assert.Equal("已下单：2 份 L", await Say("是的"));
        Assert.Contains("现在没有进行中的操作", await Say("取消"));
    }

    [Fact]
    public async Task An_invalid_answer_is_reprompted_and_after_the_limit_the_question_is_asked_again_keeping_the_answers()
    {
        await Say("你好");
        await Say("测试下单");
        Assert.Equal("请输入 1 到 5 之间的数字。", await Say("九"));
        Assert.Contains("选规格", await Say("2"));
        Assert.Equal(FlowTexts.NoSuchOption(2), await Say("中份"));
        Assert.Equal(FlowTexts.NoSuchOption(2), await Say("特大"));
        // Before the fix the third miss ended the flow and threw the answer "2" away.
        var third = await Say("随便");
        Assert.Equal(FlowTexts.AskingAgain(kept: true) + "\n选规格：\n1. 小份\n2. 大份\n回复序号选择。", third);
        Assert.Contains("2 份 L，确认吗", await Say("大份"));
        Assert.Equal("已下单：2 份 L", await Say("是"));
    }

    [Fact]
    public async Task Cancel_inside_a_flow_ends_it_without_acting()
    {
        await Say("你好");
        await Say("测试下单");
        await Say("3");
        Assert.Equal(FlowTexts.Cancelled("测试订单"), await Say("取消"));
        Assert.Contains("现在没有进行中的操作", await Say("取消"));
    }

    [Fact]
    public async Task Help_inside_a_flow_shows_the_menu_and_resume_asks_again()
    {
        await Say("你好");
        await Say("测试下单");
        var help = await Say("帮助");
        Assert.Contains("1. 测试订单", help);
        Assert.Contains("回复「继续」回到「测试订单」", help);
        Assert.Contains("要几份", await Say("继续"));
        Assert.Contains("选规格", await Say("4"));
    }

    [Fact]
    public async Task Another_intent_interrupts_and_the_first_flow_resumes_where_it_was()
    {
        await Say("你好");
        await Say("测试下单");
        await Say("5");
        var interrupted = await Say("看公告");
        Assert.Contains("今天的公告", interrupted);
        Assert.Contains("我们继续刚才的「测试订单」", interrupted);
        Assert.Contains("选规格", interrupted);
        Assert.Contains("确认吗", await Say("小份"));
        Assert.Equal("已下单：5 份 S", await Say("确认"));
    }

    [Fact]
    public async Task Saying_no_at_the_confirmation_changes_nothing()
    {
        await Say("你好");
        await Say("测试下单");
        await Say("1");
        await Say("1");
        Assert.Equal(FlowTexts.NotConfirmed, await Say("不要"));
    }

    [Fact]
    public async Task Conversations_of_two_users_do_not_mix()
    {
        await _bot.SayAsync("你好", "alice");
        await _bot.SayAsync("测试下单", "alice");
        var bob = string.Join("\n", await _bot.SayAsync("2", "bob"));
        Assert.DoesNotContain("选规格", bob);
        Assert.Contains("选规格", string.Join("\n", await _bot.SayAsync("2", "alice")));
    }

    [Fact]
    public async Task An_empty_list_says_so_and_ends_the_flow_so_the_next_message_is_answered()
    {
        _bot.Get<TestStock>().Items.Clear();
        await Say("你好");
        Assert.Equal("物资已领完，下次早点来。", await Say("领物资"));
        // Nothing is waiting for an answer: a menu number (asked about, the menu is not on screen) starts the
        // menu's flow, 取消 finds nothing.
        Assert.Equal(ChatAssistant.Conversation.ConversationTexts.MenuNumberMeant("1", "测试订单"), await Say("1"));
        Assert.Contains("要几份", await Say("是"));
        Assert.Equal(FlowTexts.Cancelled("测试订单"), await Say("取消"));
        Assert.DoesNotContain("got no answer", _bot.Logs.All);
    }

    [Fact]
    public async Task A_list_emptied_while_its_flow_was_interrupted_ends_it_on_resume()
    {
        // The list was shown, another request came in between, and meanwhile others took everything (under load,
        // free duty slots). Before the fix the flow stayed on the empty list and swallowed the next message.
        await Say("你好");
        Assert.Contains("1. 笔", await Say("领物资"));
        _bot.Get<TestStock>().Items.Clear();
        var resumed = await Say("看公告");
        Assert.Contains("今天的公告", resumed);
        Assert.Contains("我们继续刚才的「领物资」", resumed);
        Assert.Contains("物资已领完", resumed);
        Assert.Contains("现在没有进行中的操作", await Say("取消"));
        Assert.Contains("今天的公告", await Say("看公告"));
        Assert.DoesNotContain("got no answer", _bot.Logs.All);
    }

    [Fact]
    public async Task An_empty_list_under_an_interrupted_flow_resumes_that_flow()
    {
        await Say("你好");
        await Say("测试下单");
        _bot.Get<TestStock>().Items.Clear();
        var reply = await Say("领物资");
        Assert.Contains("物资已领完", reply);
        Assert.Contains("我们继续刚才的「测试订单」", reply);
        Assert.Contains("要几份", reply);
        Assert.Contains("选规格", await Say("2"));
    }

    [Fact]
    public async Task A_message_that_got_no_answer_is_logged_with_its_route_and_nothing_personal()
    {
        await Say("你好");
        Assert.Equal("", await Say("静默测试"));
        var line = Assert.Single(_bot.Logs.Lines, l => l.Contains("got no answer", StringComparison.Ordinal));
        Assert.StartsWith("Warning", line);
        Assert.Contains("intent test.quiet", line);
        Assert.DoesNotContain("静默测试", line);
        Assert.DoesNotContain("user1", line);
    }
}
