using System.Net;
using ChatAssistant.Adapters.WeChat.Fake;
using ChatAssistant.Booking;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Booking.Door;

/// <summary>
/// Two instances sharing a real redis-server (each with its own records file, as the studio and the delegate are set up
/// alike on both): a code one instance shows checks in on the other, and both show the same code.
/// </summary>
public sealed class DoorScreenRedisTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [SkippableFact]
    public async Task A_code_shown_by_one_instance_checks_in_on_the_other_and_both_screens_show_the_same_code()
    {
        redis.Require();
        var settings = redis.DeploymentSettings();
        foreach (var (k, v) in BookingTestData.NoDemo()) settings[k] = v;
        await using var api = await FakeWeChatApi.StartAsync();
        await using var one = await WeChatTestServer.StartAsync(scripted: false, overrides: settings, sharedApi: api);
        await using var two = await WeChatTestServer.StartAsync(scripted: false, overrides: settings, sharedApi: api);
        var studios = new[] { one, two }.Select(Prepare).ToList();
        Assert.Equal(studios[0], studios[1]);
        var studioId = studios[0];

        var screenOne = await OpenScreenAsync(one, studioId);
        var screenTwo = await OpenScreenAsync(two, studioId);
        var (status, shown) = await DoorScreenClient.CodeAsync(screenOne, studioId);
        Assert.Equal(HttpStatusCode.OK, status);
        var (_, alsoShown) = await DoorScreenClient.CodeAsync(screenTwo, studioId);
        Assert.Equal(shown.GetProperty("ticket").GetString(), alsoShown.GetProperty("ticket").GetString());
        Assert.Equal(1, api.QrCodesCreated);

        var scene = api.SceneOf(shown.GetProperty("ticket").GetString()!)!;
        Assert.StartsWith("签到成功！测试工作室", await new DoorScreenClient(two, TimeProvider.System).ScanAsync("oD001", scene));
        Assert.Equal(Attendance.Attended, two.Server.Get<IBookingStore>().OfMember("D001").Single().Attendance);
    }

    /// <summary>The studio, a staff member, a bound delegate and their duty under way now; returns the studio's id.</summary>
    private static int Prepare(WeChatTestServer instance)
    {
        var studio = BookingTestData.Studio(instance.Server.Get<IStudioStore>());
        instance.Server.Get<StaffStore>().Create("tiantai", "a long staff password", StaffRoles.Staff, "天台县");
        BookingTestData.Bind(instance.Server.Get<IdentityService>(), ("D001", "张三", "oD001"));
        var now = instance.Server.Get<AssistantClock>().Now;
        Assert.True(instance.Server.Get<IBookingStore>().TryInsert(new DutyBooking
        {
            StudioId = studio.Id, MemberId = "D001", ChannelId = "wechat", UserId = "oD001",
            Start = now.AddMinutes(-5), End = now.AddMinutes(115), Place = 1, CreatedAt = now.AddDays(-1),
        }));
        return studio.Id;
    }

    private static async Task<HttpClient> OpenScreenAsync(WeChatTestServer instance, int studioId)
    {
        var door = new DoorScreenClient(instance, TimeProvider.System);
        using var staff = door.Staff("tiantai");
        return await door.OpenScreenAsync((await DoorScreenClient.CreateKeyAsync(staff, studioId)).Url);
    }
}
