using ChatAssistant.Identity;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Identity;

public sealed class BindingConversationTests
{
    [Fact]
    public async Task A_delegate_binds_by_sending_the_code_and_wrong_codes_lead_to_a_lockout()
    {
        await using var bot = BotHarness.Create();
        var identity = bot.Get<IdentityService>();
        identity.Import(RosterKind.Delegate, new StringReader("id,name,district\nD001,张三,天台县\n"));
        var code = identity.IssueCode(RosterKind.Delegate, "D001").Code;

        await bot.SayAsync("你好");
        Assert.Equal([IdentityTexts.WrongCode(4)], await bot.SayAsync("绑定 11111111"));
        Assert.Equal([IdentityTexts.AskCode], await bot.SayAsync("绑定"));
        Assert.Equal([IdentityTexts.CodeFormat], await bot.SayAsync("abc"));
        Assert.Equal([IdentityTexts.WrongCode(3)], await bot.SayAsync("22222222"));
        await bot.SayAsync("33333333");
        await bot.SayAsync("44444444");
        Assert.Equal([IdentityTexts.LockedOut], await bot.SayAsync("55555555"));
        Assert.Equal([IdentityTexts.LockedOut], await bot.SayAsync("绑定 " + code));
        Assert.Null(identity.FindByOpenId(RosterKind.Delegate, "user1"));

        var replies = await bot.SayAsync("绑定 " + code, userId: "user2");
        Assert.Contains("绑定成功！你好，张三", replies[^1]);
        Assert.Equal("D001", identity.FindByOpenId(RosterKind.Delegate, "user2")!.MemberId);
    }

    [Fact]
    public async Task A_code_for_someone_bound_to_another_account_tells_the_user_to_ask_staff_to_unbind()
    {
        await using var bot = BotHarness.Create();
        var identity = bot.Get<IdentityService>();
        identity.Import(RosterKind.Delegate, new StringReader("id,name,district\nD001,张三,天台县\n"));
        await bot.SayAsync("你好", userId: "owner");
        await bot.SayAsync("绑定 " + identity.IssueCode(RosterKind.Delegate, "D001").Code, userId: "owner");

        await bot.SayAsync("你好");
        Assert.Equal([IdentityTexts.BoundToAnotherAccount], await bot.SayAsync("绑定 " + identity.IssueCode(RosterKind.Delegate, "D001").Code));
        Assert.Equal("D001", identity.FindByOpenId(RosterKind.Delegate, "owner")!.MemberId);
    }
}
