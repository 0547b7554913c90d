using System.Net;
using System.Text;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Support.WeChat;
using LiteDB;

namespace ChatAssistant.Tests.Identity;

/// <summary>
/// The identity minors of the same pass over the real WeChat endpoint: a roster phone written 「+86 138-0000-0022」 is
/// accepted and stored as 11 digits, and an account already bound that sends 「绑定 …」 is told so, using no attempt.
/// </summary>
public sealed class IdentityMinorsOverWeChatTests(WeChatAssistant assistant) : IClassFixture<WeChatAssistant>
{
    [Fact]
    public async Task A_roster_phone_with_country_code_and_dashes_is_accepted_normalised_and_the_person_binds()
    {
        using var admin = assistant.Staff("roster-admin", null);
        var import = await admin.PostAsync("/api/staff/rosters/volunteer/import",
            new StringContent("id,name,district,phone\nV401,钱七,嵊州市,+86 138-0000-0022\nV402,孙八,嵊州市,0086 139 0000 0033\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var identity = assistant.Get<IdentityService>();
        Assert.Equal("13800000022", identity.FindByMemberId(RosterKind.Volunteer, "V401")!.Phone);
        Assert.Equal("13900000033", identity.FindByMemberId(RosterKind.Volunteer, "V402")!.Phone);

        var code = identity.IssueCode(RosterKind.Volunteer, "V401").Code;
        Assert.Contains("绑定成功！你好，钱七", await assistant.User("oPhone").SayAsync("绑定 " + code));

        // Not a mobile number at all: still refused, with the line named.
        var bad = await admin.PostAsync("/api/staff/rosters/volunteer/import", new StringContent("id,name,district,phone\nV403,周九,嵊州市,+86 12-34\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"line\":2", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_account_already_bound_sending_bind_again_is_told_it_is_bound_and_uses_no_attempt()
    {
        var identity = assistant.Get<IdentityService>();
        Assert.True(identity.Import(RosterKind.Volunteer, new StringReader("id,name,district\nV410,吴十,嵊州市\n")).Ok);
        Assert.True(identity.Import(RosterKind.Delegate, new StringReader("id,name,district\nD410,吴十,嵊州市\n")).Ok);
        var code = identity.IssueCode(RosterKind.Volunteer, "V410").Code;
        var user = assistant.User("oAlreadyBound");
        Assert.Contains("绑定成功", await user.SayAsync("绑定 " + code));

        var member = identity.FindByMemberId(RosterKind.Volunteer, "V410")!;
        var told = IdentityTexts.AlreadyBound(member);
        Assert.Contains(told, await user.SayAsync("绑定 " + code));
        Assert.Contains(told, await user.SayAsync("绑定"));
        // More wrong codes than the lock-out allows: each is answered the same way, and none is counted against the account.
        for (var i = 0; i < IdentityService.MaxWrongCodes + 1; i++)
        {
            var reply = await user.SayAsync("绑定 1111 222" + i);
            Assert.Contains(told, reply);
            Assert.DoesNotContain(IdentityTexts.LockedOut, reply);
        }
        Assert.Null(assistant.Get<ILiteDatabase>().GetCollection("binding_attempts").FindById("oAlreadyBound"));

        // A new code for another identity still binds it.
        var delegateCode = identity.IssueCode(RosterKind.Delegate, "D410").Code;
        Assert.Contains("绑定成功！你好，吴十（团代表", await user.SayAsync("绑定 " + delegateCode));
    }

    [Theory]
    [InlineData("绑定 {0} {1}", 1)]
    [InlineData("绑定 {0}-{1}", 2)]
    [InlineData("{0} {1}", 3)]
    [InlineData("绑定 {0} - {1}", 4)]
    [InlineData("绑定：{0}  {1}", 5)]
    [InlineData("绑定 {0}—{1}", 6)]
    [InlineData("{2} {3} {4} {5}", 7)]
    [InlineData("绑定 {2}-{3}-{4}-{5}", 8)]
    public async Task A_code_typed_with_spaces_or_dashes_binds(string typed, int person)
    {
        var identity = assistant.Get<IdentityService>();
        var id = "V5" + person.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        var openId = "oSpaced" + id;
        Assert.True(identity.Import(RosterKind.Volunteer, new StringReader($"id,name,district\n{id},郑十一,嵊州市\n")).Ok);
        var code = identity.IssueCode(RosterKind.Volunteer, id).Code;
        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, typed, code[..4], code[4..], code[..2], code[2..4], code[4..6], code[6..]);

        Assert.Contains("绑定成功！你好，郑十一", await assistant.User(openId).SayAsync(message));
        Assert.Equal(openId, identity.FindByMemberId(RosterKind.Volunteer, id)!.OpenId);
    }
}
