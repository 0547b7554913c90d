using ChatAssistant.Booking;
using ChatAssistant.Booking.Door;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Support;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Booking;

/// <summary>Studios, delegates and events shared by the booking tests. Now is Thu 2026-11-26 10:00 Beijing.</summary>
internal static class BookingTestData
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Settings without the demo studio, so each test owns its studios.</summary>
    public static Dictionary<string, string?> NoDemo() => new() { ["Booking:SeedDemoStudio"] = "false" };

    /// <summary>Tue/Thu 14–16, Wed 14–18 (two slots), Sat 09–11.</summary>
    public static Studio Studio(IStudioStore store, int places = 1, string county = "天台县", string name = "测试工作室") => store.Create(new Studio
    {
        Name = name,
        County = county,
        Address = "赤城路 1 号",
        PlacesPerSlot = places,
        Openings =
        [
            new WeeklyOpening { Day = DayOfWeek.Tuesday, Start = "14:00", End = "16:00" },
            new WeeklyOpening { Day = DayOfWeek.Wednesday, Start = "14:00", End = "18:00" },
            new WeeklyOpening { Day = DayOfWeek.Thursday, Start = "14:00", End = "16:00" },
            new WeeklyOpening { Day = DayOfWeek.Saturday, Start = "09:00", End = "11:00" },
        ],
    });

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    /// <summary>Puts delegates on the roster and binds each to the OpenID of the same name.</summary>
    /// <summary>Runs one call for each of 1…<paramref name="count"/>, released together, and returns their results in that order.</summary>
    public static async Task<T[]> AllAtOnceAsync<T>(int count, Func<int, Task<T>> call)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(1, count).Select(async i =>
        {
            await go.Task;
            return await call(i);
        }).ToList();
        go.SetResult();
        return await Task.WhenAll(tasks);
    }

    public static void Bind(IdentityService identity, params (string MemberId, string Name, string OpenId)[] people)
    {
        var csv = "id,name,district\n" + string.Join("\n", people.Select(p => $"{p.MemberId},{p.Name},天台县"));
        Assert.True(identity.Import(RosterKind.Delegate, new StringReader(csv)).Ok);
        foreach (var p in people)
            // A blocking wait in a test helper: the in-process stores answer at once, and BindAsync never needs this thread back.
            Assert.Equal(BindStatus.Bound, identity.BindWithCodeAsync(p.OpenId, identity.IssueCode(RosterKind.Delegate, p.MemberId).Code).GetAwaiter().GetResult().Status);
    }

    /// <summary>The scene of a code the studio's door screen shows now (a fresh nonce, as the screen gets one).</summary>
    public static async Task<string> ScreenSceneAsync(IServiceProvider services, int studioId) =>
        DoorNonces.Scene(studioId, await services.GetRequiredService<DoorNonces>().IssueAsync(studioId, CancellationToken.None));

    public static DelegateRef Who(string memberId) => new(memberId, "test", "openid-" + memberId);

    /// <summary>Sends an event activity (scan, menu click) and returns the texts the bot answered.</summary>
    public static async Task<IReadOnlyList<string>> EventAsync(BotHarness bot, string name, string value, string userId = "user1")
    {
        var adapter = bot.Adapter(userId);
        var activity = adapter.MakeActivity();
        activity.Type = ActivityTypes.Event;
        activity.Name = name;
        activity.Value = value;
        await adapter.ProcessActivityAsync(activity, bot.Get<Microsoft.Bot.Builder.IBot>().OnTurnAsync, CancellationToken.None);
        return Drain(adapter);
    }

    private static List<string> Drain(TestAdapter adapter)
    {
        var replies = new List<string>();
        while (adapter.ActiveQueue.Count > 0)
        {
            var reply = adapter.ActiveQueue.Dequeue();
            if (!string.IsNullOrEmpty(reply.Text)) replies.Add(reply.Text);
        }
        return replies;
    }
}
