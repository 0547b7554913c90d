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
}
