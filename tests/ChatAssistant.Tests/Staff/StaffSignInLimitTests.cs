using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Staff;

/// <summary>
/// Sign-in must not become a way to stall the server or to lock members out: the password hash runs outside any
/// lock, failure records are forgotten by age, over-long names are refused before any hashing, and the
/// account-wide lock-out counts addresses, as README describes (50 addresses, not 10 addresses × 5 tries).
/// </summary>
public sealed class StaffSignInLimitTests
{
    private const string Password = "correct horse battery";

    private static async Task<HttpStatusCode> LoginFrom(AssistantServer server, string clientAddress, string userName, string password)
    {
        using var client = server.CreateClient(cookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/login") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Wrong_passwords_from_49_addresses_do_not_lock_the_account_and_the_50th_address_does()
    {
        await using var server = await AssistantServer.StartAsync();
        var store = server.Get<StaffStore>();
        store.Create("admin", Password, StaffRoles.Admin, null);

        // 49 addresses, each until it is locked out of the name (five wrong passwords each, 245 in all).
        await Parallel.ForEachAsync(Enumerable.Range(1, 49), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (a, _) =>
        {
            for (var i = 0; i < StaffSignIn.MaxFailedSignIns; i++) await LoginFrom(server, $"10.1.{a}.9", "admin", "guess " + i);
            Assert.Equal(HttpStatusCode.Locked, await LoginFrom(server, $"10.1.{a}.9", "admin", Password)); // that address is out
        });
        Assert.Null(store.Find("admin")!.LockedUntil); // the account is not locked ...
        Assert.Equal(49, store.Find("admin")!.FailedSignIns); // ... and counts 49 addresses

        // The 50th address locks the account itself: the member's right password from elsewhere is refused too.
        Assert.Equal(HttpStatusCode.Locked, await LoginFrom(server, "10.1.50.9", "admin", "guess"));
        Assert.NotNull(store.Find("admin")!.LockedUntil);
        Assert.Equal(HttpStatusCode.Locked, await LoginFrom(server, "198.51.100.21", "admin", Password));
        await server.Get<StaffSignIn>().UnlockAsync("admin"); // until it expires or an admin unlocks it
        Assert.Equal(HttpStatusCode.OK, await LoginFrom(server, "198.51.100.21", "admin", Password));
    }

    [Fact]
    public async Task A_stranger_with_ten_addresses_cannot_lock_a_member_out()
    {
        await using var server = await AssistantServer.StartAsync();
        server.Get<StaffStore>().Create("admin", Password, StaffRoles.Admin, null);

        for (var a = 0; a < 10; a++)
            for (var i = 0; i < 2 * StaffSignIn.MaxFailedSignIns; i++) // on past each address's own lock-out
                await LoginFrom(server, $"203.0.113.{a}", "admin", "guess " + i);

        Assert.Equal(HttpStatusCode.OK, await LoginFrom(server, "198.51.100.7", "admin", Password));
    }

    [Fact]
    public async Task An_IPv6_network_counts_as_one_address()
    {
        await using var server = await AssistantServer.StartAsync();
        var store = server.Get<StaffStore>();
        store.Create("admin", Password, StaffRoles.Admin, null);

        // Five wrong passwords from five addresses of one /64: that network is locked out of the name ...
        for (var i = 1; i <= StaffSignIn.MaxFailedSignIns; i++) await LoginFrom(server, $"2001:db8:1:2::{i:x}", "admin", "guess");
        Assert.Equal(HttpStatusCode.Locked, await LoginFrom(server, "2001:db8:1:2::99", "admin", Password));
        // ... and it is one address of the account's fifty.
        Assert.Equal(1, store.Find("admin")!.FailedSignIns);
        Assert.Equal(HttpStatusCode.OK, await LoginFrom(server, "2001:db8:1:3::1", "admin", Password));
    }

    [Fact]
    public async Task A_name_longer_than_64_characters_is_refused_in_Chinese_without_hashing()
    {
        var hasher = new CountingHasher();
        await using var server = await AssistantServer.StartAsync(services: s => s.AddSingleton<IPasswordHasher<StaffAccount>>(hasher));
        using var client = server.CreateClient(cookies: false);

        var response = await client.PostAsJsonAsync("/api/staff/login", new { userName = new string('a', 65), password = "whatever it is" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(StaffTexts.UserNameTooLong, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(0, hasher.Verifications);
        // 64 characters is still a name (one that has no account).
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/staff/login", new { userName = new string('a', 64), password = "x" })).StatusCode);
        Assert.Equal(1, hasher.Verifications);
    }

    [Fact]
    public async Task A_slow_password_hash_holds_up_neither_other_sign_ins_nor_account_changes()
    {
        var hasher = new GatedHasher();
        await using var server = await AssistantServer.StartAsync(services: s => s.AddSingleton<IPasswordHasher<StaffAccount>>(hasher));
        var store = server.Get<StaffStore>();
        store.Create("alice", Password, StaffRoles.Admin, null);
        store.Create("bob", Password, StaffRoles.Staff, "天台县");
        var signIn = server.Get<StaffSignIn>();

        var first = Task.Run(() => signIn.SignInAsync("alice", "wrong password", "192.0.2.1"));
        Assert.True(await hasher.WaitForAsync(1), "the first sign-in should be hashing");
        // While it hashes: another sign-in reaches its own hash, and an admin's change goes through.
        var second = Task.Run(() => signIn.SignInAsync("bob", "wrong password", "192.0.2.2"));
        Assert.True(await hasher.WaitForAsync(2), "a second sign-in waited for the first one's hash");
        var unlock = Task.Run(() => signIn.UnlockAsync("bob"));
        Assert.Same(unlock, await Task.WhenAny(unlock, Task.Delay(TimeSpan.FromSeconds(5))));

        hasher.Release();
        Assert.Equal(SignInStatus.Failed, (await first).Status);
        Assert.Equal(SignInStatus.Failed, (await second).Status);
        Assert.Equal(SignInStatus.Succeeded, (await signIn.SignInAsync("alice", Password, "192.0.2.1")).Status);
    }

    [Fact]
    public async Task Failures_are_forgotten_by_age_and_their_records_pruned()
    {
        var time = new FakeTimeProvider(BotHarness.DefaultNow);
        await using var bot = BotHarness.Create(services: s => s.AddSingleton<TimeProvider>(time));
        bot.Get<StaffStore>().Create("alice", Password, StaffRoles.Admin, null);
        var store = bot.Get<StaffSignIn>();

        // Four wrong passwords (one short of a lock-out), then a quiet afternoon: they no longer count.
        for (var i = 0; i < StaffSignIn.MaxFailedSignIns - 1; i++) Assert.Equal(SignInStatus.Failed, (await store.SignInAsync("alice", "guess", "192.0.2.1")).Status);
        time.Advance(StaffSignIn.FailureMemory + TimeSpan.FromMinutes(1));
        Assert.Equal(SignInStatus.Failed, (await store.SignInAsync("alice", "guess", "192.0.2.1")).Status);
        Assert.Equal(SignInStatus.Succeeded, (await store.SignInAsync("alice", Password, "192.0.2.1")).Status);

        // Records of strangers' failures (any names) are dropped once old, however few there are.
        for (var i = 0; i < 20; i++) await store.SignInAsync("name-" + i, "guess", "192.0.2." + i);
        for (var i = 0; i < 3; i++) await store.SignInAsync("locked", "guess", "192.0.2.200");
        Assert.Equal(21, store.TrackedFailures);
        time.Advance(StaffSignIn.FailureMemory + TimeSpan.FromMinutes(1));
        await store.SignInAsync("someone", "guess", "192.0.2.201");
        Assert.Equal(1, store.TrackedFailures);
    }

    /// <summary>Counts the checks; hashes as the real one.</summary>
    private sealed class CountingHasher : IPasswordHasher<StaffAccount>
    {
        private readonly PasswordHasher<StaffAccount> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(StaffAccount user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>A hash that takes as long as the test wants: every check waits for <see cref="Release"/>.</summary>
    private sealed class GatedHasher : IPasswordHasher<StaffAccount>
    {
        private readonly PasswordHasher<StaffAccount> _inner = new();
        private readonly ManualResetEventSlim _open = new(false);
        private int _entered;

        public string HashPassword(StaffAccount user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _entered);
            _open.Wait(TimeSpan.FromSeconds(30));
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }

        public async Task<bool> WaitForAsync(int entered)
        {
            for (var waited = 0; waited < 5000; waited += 20)
            {
                if (Volatile.Read(ref _entered) >= entered) return true;
                await Task.Delay(20);
            }
            return false;
        }

        public void Release() => _open.Set();
    }
}
