using ChatAssistant.Identity;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Identity;

/// <summary>The rules of rosters and binding with the records in LiteDB; <see cref="IdentityServiceOnPostgresTests"/> runs them all on PostgreSQL.</summary>
public class IdentityServiceTests : IAsyncLifetime
{
    private BotHarness _bot = null!;
    private IdentityService Identity => _bot.Get<IdentityService>();

    /// <summary>The settings of the records (none: LiteDB).</summary>
    protected virtual Dictionary<string, string?> Records() => [];

    public Task InitializeAsync()
    {
        _bot = BotHarness.Create(settings: Records());
        var result = Identity.Import(RosterKind.Delegate, new StringReader("id,name,district,phone\nD001,张三,天台县,13800000001\nD002,李四,天台县,\n"));
        Assert.True(result.Ok);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public void A_file_with_bad_lines_imports_nothing_and_names_every_bad_line()
    {
        var csv = "编号,姓名,区县,手机\nD010,王五,天台县,1380000\nD011,,天台县,\nD012,赵六,天台县,13900000000\nD012,重复,天台县,\n";
        var result = Identity.Import(RosterKind.Delegate, new StringReader(csv));
        Assert.False(result.Ok);
        Assert.Equal([2, 3, 5], result.Errors.Select(e => e.Line));
        Assert.Contains("手机号", result.Errors[0].Message);
        Assert.Null(Identity.FindByMemberId(RosterKind.Delegate, "D012"));
    }

    [Fact]
    public async Task A_reimport_updates_in_place_and_keeps_the_binding()
    {
        var code = Identity.IssueCode(RosterKind.Delegate, "D001").Code;
        Assert.Equal(BindStatus.Bound, (await Identity.BindWithCodeAsync("openid-1", code)).Status);
        var result = Identity.Import(RosterKind.Delegate, new StringReader("id,name,district,phone\nD001,张三丰,天台县,13800000001\n"));
        Assert.Equal((true, 0, 1), (result.Ok, result.Added, result.Updated));
        var member = Identity.FindByOpenId(RosterKind.Delegate, "openid-1");
        Assert.Equal("张三丰", member!.Name);
        Assert.Equal(2, Identity.Members(RosterKind.Delegate).Count);
    }

    [Fact]
    public void District_staff_can_import_only_their_district()
    {
        var result = Identity.Import(RosterKind.Volunteer, new StringReader("id,name,district\nV1,甲,天台县\nV2,乙,临海市\n"), onlyDistrict: "天台县");
        Assert.False(result.Ok);
        Assert.Equal(3, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public async Task A_code_works_once_and_a_used_code_fails()
    {
        var code = Identity.IssueCode(RosterKind.Delegate, "D002").Code;
        Assert.Equal(BindStatus.Bound, (await Identity.BindWithCodeAsync("openid-2", code)).Status);
        Assert.Equal(BindStatus.AlreadyUsed, (await Identity.BindWithCodeAsync("openid-3", code)).Status);
        Assert.Null(Identity.FindByOpenId(RosterKind.Delegate, "openid-3"));
    }

    [Fact]
    public async Task A_code_expires()
    {
        var code = Identity.IssueCode(RosterKind.Delegate, "D002").Code;
        _bot.Time.Advance(IdentityService.CodeLifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(BindStatus.Expired, (await Identity.BindWithCodeAsync("openid-4", code)).Status);
    }

    [Fact]
    public async Task Wrong_codes_lock_binding_for_that_account_even_for_a_right_code()
    {
        var good = Identity.IssueCode(RosterKind.Delegate, "D001").Code;
        for (var i = 1; i < IdentityService.MaxWrongCodes; i++)
            Assert.Equal(BindStatus.WrongCode, (await Identity.BindWithCodeAsync("attacker", "00000000")).Status);
        Assert.Equal(BindStatus.LockedOut, (await Identity.BindWithCodeAsync("attacker", "00000001")).Status);
        Assert.Equal(BindStatus.LockedOut, (await Identity.BindWithCodeAsync("attacker", good)).Status);
        // Another account is not affected, and the lock lifts after the period.
        _bot.Time.Advance(IdentityService.Lockout + TimeSpan.FromMinutes(1));
        Assert.Equal(BindStatus.Bound, (await Identity.BindWithCodeAsync("attacker", good)).Status);
    }

    [Fact]
    public async Task Look_ups_follow_every_binding_change_although_they_are_served_from_memory()
    {
        Assert.Null(Identity.FindByOpenId(RosterKind.Delegate, "openid-5")); // read (and kept) before the binding
        Assert.Equal(BindStatus.Bound, (await Identity.BindWithCodeAsync("openid-5", Identity.IssueCode(RosterKind.Delegate, "D001").Code)).Status);
        Assert.Equal("D001", Identity.FindByOpenId(RosterKind.Delegate, "openid-5")!.MemberId);
        Assert.Null(Identity.FindByOpenId(RosterKind.Volunteer, "openid-5"));

        // The same WeChat account binds another delegate: the older binding is gone.
        Assert.Equal(BindStatus.Bound, (await Identity.BindWithCodeAsync("openid-5", Identity.IssueCode(RosterKind.Delegate, "D002").Code)).Status);
        Assert.Equal("D002", Identity.FindByOpenId(RosterKind.Delegate, "openid-5")!.MemberId);
        Assert.Null(Identity.FindByMemberId(RosterKind.Delegate, "D001")!.OpenId);

        // After staff unbind D002, another account binds it: the first account is no longer anyone.
        Assert.True(Identity.Unbind(RosterKind.Delegate, "D002"));
        Assert.Null(Identity.FindByOpenId(RosterKind.Delegate, "openid-5"));
        Assert.Equal(BindStatus.Bound, (await Identity.BindWithCodeAsync("openid-6", Identity.IssueCode(RosterKind.Delegate, "D002").Code)).Status);
        Assert.Equal("D002", Identity.FindByOpenId(RosterKind.Delegate, "openid-6")!.MemberId);
    }

    [Fact]
    public async Task District_staff_cannot_take_over_a_person_of_another_district_and_the_whole_file_is_refused()
    {
        Assert.True(Identity.Import(RosterKind.Volunteer, new StringReader("id,name,district,phone\nV9,赵六,临海市,13900000009\n")).Ok);
        Assert.Equal(BindStatus.Bound, (await Identity.BindWithCodeAsync("openid-v9", Identity.IssueCode(RosterKind.Volunteer, "V9").Code)).Status);

        var result = Identity.Import(RosterKind.Volunteer, new StringReader("id,name,district,phone\nV1,甲,天台县,\nV9,冒名,天台县,13800000000\n"), onlyDistrict: "天台县");

        Assert.False(result.Ok);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(IdentityTexts.ImportOtherDistrictMember("V9"), error.Message);
        Assert.Null(Identity.FindByMemberId(RosterKind.Volunteer, "V1"));
        var v9 = Identity.FindByMemberId(RosterKind.Volunteer, "V9")!;
        Assert.Equal(("赵六", "临海市", "13900000009", "openid-v9"), (v9.Name, v9.District, v9.Phone, v9.OpenId));
    }

    [Fact]
    public async Task An_admin_import_may_move_a_person_to_another_district_and_the_binding_stays()
    {
        Assert.Equal(BindStatus.Bound, (await Identity.BindWithCodeAsync("openid-d1", Identity.IssueCode(RosterKind.Delegate, "D001").Code)).Status);
        Assert.True(Identity.Import(RosterKind.Delegate, new StringReader("id,name,district\nD001,张三,临海市\n")).Ok);
        Assert.Equal("临海市", Identity.FindByOpenId(RosterKind.Delegate, "openid-d1")!.District);
    }

    [Fact]
    public async Task Issuing_a_new_code_expires_the_earlier_unused_code()
    {
        var first = Identity.IssueCode(RosterKind.Delegate, "D001").Code;
        var other = Identity.IssueCode(RosterKind.Delegate, "D002").Code;
        var second = Identity.IssueCode(RosterKind.Delegate, "D001").Code;

        Assert.Equal(BindStatus.Expired, (await Identity.BindWithCodeAsync("openid-7", first)).Status);
        Assert.Null(Identity.FindByOpenId(RosterKind.Delegate, "openid-7"));
        Assert.Equal(BindStatus.Bound, (await Identity.BindWithCodeAsync("openid-7", second)).Status);
        Assert.Equal(BindStatus.Bound, (await Identity.BindWithCodeAsync("openid-8", other)).Status); // another person's code is untouched
    }

    [Fact]
    public async Task A_code_for_a_person_bound_to_another_account_is_refused_and_changes_nothing_until_staff_unbind()
    {
        Assert.Equal(BindStatus.Bound, (await Identity.BindWithCodeAsync("owner", Identity.IssueCode(RosterKind.Delegate, "D001").Code)).Status);
        var code = Identity.IssueCode(RosterKind.Delegate, "D001").Code;

        var refused = (await Identity.BindWithCodeAsync("newcomer", code));

        Assert.Equal(BindStatus.BoundToAnotherAccount, refused.Status);
        Assert.Equal("D001", Identity.FindByOpenId(RosterKind.Delegate, "owner")!.MemberId);
        Assert.Null(Identity.FindByOpenId(RosterKind.Delegate, "newcomer"));
        Assert.False(Identity.Unbind(RosterKind.Delegate, "D002")); // not bound: nothing to do
        Assert.True(Identity.Unbind(RosterKind.Delegate, "D001"));
        Assert.Equal(BindStatus.Bound, (await Identity.BindWithCodeAsync("newcomer", code)).Status); // the same code, still unused
        Assert.Null(Identity.FindByOpenId(RosterKind.Delegate, "owner"));
    }

    [Fact]
    public async Task Look_ups_racing_with_bindings_never_keep_an_old_answer()
    {
        var csv = "id,name,district\n" + string.Concat(Enumerable.Range(1, 40).Select(i => $"V{i:D3},志愿者{i},天台县\n"));
        Assert.True(Identity.Import(RosterKind.Volunteer, new StringReader(csv)).Ok);
        var codes = Enumerable.Range(1, 40).Select(i => Identity.IssueCode(RosterKind.Volunteer, $"V{i:D3}").Code).ToList();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested) Identity.FindByOpenId(RosterKind.Volunteer, "racer-7");
        })).ToList();
        for (var i = 0; i < codes.Count; i++)
        {
            Assert.Equal(BindStatus.Bound, (await Identity.BindWithCodeAsync($"racer-{i}", codes[i])).Status);
            // Right after its binding, each account is found, whatever the readers were doing meanwhile.
            Assert.Equal($"V{i + 1:D3}", Identity.FindByOpenId(RosterKind.Volunteer, $"racer-{i}")!.MemberId);
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.All(Enumerable.Range(0, 40), i => Assert.Equal($"V{i + 1:D3}", Identity.FindByOpenId(RosterKind.Volunteer, $"racer-{i}")!.MemberId));
    }
}

public sealed class IdentityServiceOnPostgresTests : IdentityServiceTests
{
    private readonly PostgresDatabases _databases = new();

    protected override Dictionary<string, string?> Records() => _databases.NewSettings();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _databases.Dispose();
    }
}
