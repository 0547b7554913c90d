using ChatAssistant.Hours;
using ChatAssistant.Identity;

namespace ChatAssistant.Tests.Hours;

/// <summary>
/// A redemption confirmed after staff unbound the volunteer (a new phone, a wrong binding) must not go through:
/// the chat started it as that volunteer, but whoever holds the WeChat account now is nobody on the roster.
/// </summary>
public sealed class RedeemAfterUnbindTests
{
    [Fact]
    public async Task Confirming_after_staff_unbound_the_volunteer_is_refused_with_no_order_and_no_points_spent()
    {
        await using var kit = HoursKit.Create();
        kit.GiveHours("V001", 12);
        kit.Bind("V001");
        await kit.Bot.SayAsync("你好");
        Assert.StartsWith(HoursTexts.CatalogueHeading(12), Assert.Single(await kit.Bot.SayAsync("兑换")));
        Assert.Contains("请确认兑换：笔记本", string.Join("\n", await kit.Bot.SayAsync("3")));

        Assert.True(kit.Identity.Unbind(RosterKind.Volunteer, "V001")); // staff, meanwhile

        var answer = string.Join("\n", await kit.Bot.SayAsync("是"));
        Assert.Contains("已解除绑定", answer); // HoursTexts.RedeemNotBound
        Assert.Contains("积分没有扣除", answer);
        Assert.Empty(kit.Store.Orders(null));
        Assert.Equal(12m, kit.Ledger.Points("V001").Available);
        Assert.DoesNotContain(kit.Decisions, a => a.Action == "hours.redeem");
    }

    [Fact]
    public async Task Confirming_after_the_account_was_bound_to_another_volunteer_is_refused_too()
    {
        await using var kit = HoursKit.Create();
        kit.GiveHours("V001", 12);
        kit.GiveHours("V002", 12);
        kit.Bind("V001");
        await kit.Bot.SayAsync("你好");
        await kit.Bot.SayAsync("兑换");
        await kit.Bot.SayAsync("3");

        // Staff unbind V001 and the same WeChat account is bound to V002 before the "是".
        Assert.True(kit.Identity.Unbind(RosterKind.Volunteer, "V001"));
        kit.Bind("V002");

        Assert.Contains("已解除绑定", string.Join("\n", await kit.Bot.SayAsync("是")));
        Assert.Empty(kit.Store.Orders(null));
        Assert.Equal((12m, 12m), (kit.Ledger.Points("V001").Available, kit.Ledger.Points("V002").Available));
    }
}
