using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatAssistant.Audit;
using ChatAssistant.Escalation;
using ChatAssistant.Staff;
using ChatAssistant.Tests.StaffConsole;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Staff;

public sealed class StaffSignInTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private AssistantServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await AssistantServer.StartAsync();
        _server.Get<StaffStore>().Create("alice", Password, StaffRoles.Admin, null, "Alice");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Task<HttpResponseMessage> Login(HttpClient client, string password) =>
        client.PostAsJsonAsync("/api/staff/login", new { userName = "alice", password });

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        using var client = _server.CreateClient();
        var response = await Login(client, "wrong password!");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(StaffTexts.BadCredentials, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/staff/me")).StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        using var client = _server.CreateClient();
        for (var i = 0; i < StaffSignIn.MaxFailedSignIns - 1; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(client, "nope nope nope")).StatusCode);
        Assert.Equal(HttpStatusCode.Locked, (await Login(client, "nope nope nope")).StatusCode);
        var locked = await Login(client, Password);
        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_is_rate_limited_per_address()
    {
        using var client = _server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/staff/login", new { userName = "nobody", password = "x" })).StatusCode);
        // Ten answered (401, then 423 once this address is locked out of the name), the rest refused before the check.
        Assert.Equal(10, statuses.Count(s => s is HttpStatusCode.Unauthorized or HttpStatusCode.Locked));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var refused = await client.PostAsJsonAsync("/api/staff/login", new { userName = "nobody", password = "x" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(StaffTexts.TooManyRequests, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Behind_a_proxy_the_rate_limit_is_per_client_and_the_cookie_is_secure_over_https()
    {
        // nginx on the same machine ends TLS and forwards: the limit counts each client, not the proxy's one address.
        using var client = _server.CreateClient(cookies: false);
        async Task<HttpResponseMessage> Attempt(string clientAddress, string password)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/login") { Content = JsonContent.Create(new { userName = "alice", password }) };
            request.Headers.Add("X-Forwarded-For", clientAddress);
            request.Headers.Add("X-Forwarded-Proto", "https");
            return await client.SendAsync(request);
        }

        for (var i = 0; i < 10; i++) await Attempt("203.0.113.7", "wrong" + i);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Attempt("203.0.113.7", "wrong")).StatusCode);
        var other = await Attempt("198.51.100.9", Password);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var cookie = other.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ca_staff=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<HttpStatusCode> LoginFrom(string clientAddress, string userName, string password)
    {
        using var client = _server.CreateClient(cookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/login") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_strangers_wrong_passwords_lock_out_the_stranger_not_the_member()
    {
        _server.Get<StaffStore>().Create("lan", Password, StaffRoles.Admin, null, "Lan");
        for (var i = 0; i < StaffSignIn.MaxFailedSignIns - 1; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginFrom("192.0.2.66", "lan", "guess " + i));
        Assert.Equal(HttpStatusCode.Locked, await LoginFrom("192.0.2.66", "lan", "guess"));
        Assert.Equal(HttpStatusCode.Locked, await LoginFrom("192.0.2.66", "lan", Password)); // locked out, even now
        Assert.Equal(HttpStatusCode.OK, await LoginFrom("198.51.100.20", "lan", Password)); // the member, elsewhere
    }

    [Fact]
    public async Task A_name_without_an_account_locks_out_like_one_with_an_account()
    {
        // Otherwise 423 after five tries would tell a guesser which names exist.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < StaffSignIn.MaxFailedSignIns + 1; i++) statuses.Add(await LoginFrom("192.0.2.77", "no-such-member", "guess " + i));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, StaffSignIn.MaxFailedSignIns - 1), statuses.Take(StaffSignIn.MaxFailedSignIns - 1));
        Assert.All(statuses.Skip(StaffSignIn.MaxFailedSignIns - 1), s => Assert.Equal(HttpStatusCode.Locked, s));
    }

    [Fact]
    public async Task Guessing_from_many_addresses_locks_the_account_itself()
    {
        _server.Get<StaffStore>().Create("zhou", Password, StaffRoles.Staff, "婺城区", "Zhou");
        // One wrong password from each of fifty addresses: each stays far below its own lock-out.
        for (var a = 0; a < StaffSignIn.MaxFailingAddresses; a++) await LoginFrom($"10.9.{a}.1", "zhou", "guess " + a);
        Assert.Equal(HttpStatusCode.Locked, await LoginFrom("198.51.100.21", "zhou", Password));
        await _server.Get<StaffSignIn>().UnlockAsync("zhou"); // an admin's unlock ends it
        Assert.Equal(HttpStatusCode.OK, await LoginFrom("198.51.100.21", "zhou", Password));
    }

    [Fact]
    public async Task A_cookie_write_without_the_CSRF_token_is_refused_and_with_it_accepted()
    {
        using var client = _server.CreateClient();
        var login = await Login(client, Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var csrf = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("csrfToken").GetString();
        Assert.False(string.IsNullOrEmpty(csrf));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/staff/me")).StatusCode);

        var without = await client.PostAsync("/api/staff/logout", null);
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Contains("X-CSRF-TOKEN", await without.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/staff/me")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/logout");
        request.Headers.Add("X-CSRF-TOKEN", csrf);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/staff/me")).StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_works_for_scripts_without_CSRF_and_a_bad_one_does_not()
    {
        var token = _server.Get<StaffTokens>().Issue("alice", "test");
        using var client = _server.CreateClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var created = await client.PostAsJsonAsync("/api/staff/accounts", new { userName = "bob", password = "another long password", role = "staff", scope = "天台县" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/staff/me")).StatusCode);
    }

    [Fact]
    public async Task Tokens_are_listed_without_their_secret_can_be_revoked_one_by_one_and_expire()
    {
        var tokens = _server.Get<StaffTokens>();
        var kept = tokens.Issue("alice", "nightly export");
        var leaked = tokens.Issue("alice", "old laptop");
        var brief = tokens.Issue("alice", "one-off", TimeSpan.FromMilliseconds(200));
        using var admin = _server.CreateClient(cookies: false);
        admin.DefaultRequestHeaders.Authorization = new("Bearer", kept);

        var listed = JsonDocument.Parse(await admin.GetStringAsync("/api/staff/accounts/alice/tokens")).RootElement.EnumerateArray().ToList();
        Assert.Equal(["one-off", "old laptop", "nightly export"], listed.Select(t => t.GetProperty("label").GetString()));
        var text = JsonSerializer.Serialize(listed);
        Assert.DoesNotContain(leaked, text);
        Assert.Contains("+08:00", listed[2].GetProperty("expiresAt").GetString()); // Beijing time, a year on

        var leakedId = listed.Single(t => t.GetProperty("label").GetString() == "old laptop").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/staff/accounts/alice/tokens/{leakedId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/staff/accounts/alice/tokens/{leakedId}")).StatusCode);
        using var thief = _server.CreateClient(cookies: false);
        thief.DefaultRequestHeaders.Authorization = new("Bearer", leaked);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/staff/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/staff/me")).StatusCode); // the others go on

        await Task.Delay(400);
        thief.DefaultRequestHeaders.Authorization = new("Bearer", brief);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/staff/me")).StatusCode);
        Assert.Contains(_server.Get<AuditLog>().Recent(10), e => e.Action == "staff.token.revoked");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_for_copies_of_its_cookie_and_its_event_stream()
    {
        const string theirs = "a long enough password";
        _server.Get<StaffStore>().Create("lin", theirs, StaffRoles.Staff, "婺城区");
        using var lin = await StaffSession.SignInAsync(_server, "lin", theirs);
        // A copy of the cookie, as another tab or someone who took it from the machine holds it.
        using var copy = _server.CreateClient(cookies: false);
        copy.DefaultRequestHeaders.Add("Cookie", lin.CookieHeader(_server.BaseAddress));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/staff/me")).StatusCode);
        await using var events = await EventReader.OpenAsync(copy);
        using var other = await StaffSession.SignInAsync(_server, "lin", theirs); // signed in on another computer

        Assert.Equal(HttpStatusCode.NoContent, (await lin.PostAsync("/api/staff/logout")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/staff/me")).StatusCode);
        _server.Get<EscalationEvents>().Publish(new EscalationChange("0123456789abcdef01234567", "婺城区", "opened"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => events.NextEscalationIdAsync());
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/staff/me")).StatusCode); // only this session ended
    }

    [Fact]
    public async Task A_disabled_account_loses_its_session_its_tokens_and_its_event_stream_at_once()
    {
        const string theirs = "a long enough password";
        var store = _server.Get<StaffStore>();
        store.Create("mei", theirs, StaffRoles.Staff, "婺城区");
        using var script = _server.CreateClient(cookies: false);
        script.DefaultRequestHeaders.Authorization = new("Bearer", _server.Get<StaffTokens>().Issue("mei", "script"));
        using var mei = await StaffSession.SignInAsync(_server, "mei", theirs);
        Assert.Equal(HttpStatusCode.OK, (await mei.GetAsync("/api/staff/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/staff/me")).StatusCode);
        await using var events = await EventReader.OpenAsync(mei.Client);

        using var alice = await StaffSession.SignInAsync(_server, "alice", Password);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.PostAsync("/api/staff/accounts/mei/disable")).StatusCode);

        // From the next request on: the console session, the token and a new sign-in are all refused ...
        Assert.Equal(HttpStatusCode.Unauthorized, (await mei.GetAsync("/api/staff/escalations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/staff/me")).StatusCode);
        using (var fresh = _server.CreateClient())
            Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.PostAsJsonAsync("/api/staff/login", new { userName = "mei", password = theirs })).StatusCode);
        // ... and the open event stream ends at its next event instead of telling a former member what changed.
        _server.Get<EscalationEvents>().Publish(new EscalationChange("0123456789abcdef01234567", "婺城区", "opened"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => events.NextEscalationIdAsync());
        Assert.Contains(_server.Get<AuditLog>().Recent(10, "staff:mei"), e => e.Action == "staff.disabled" && e.Actor == "staff:alice");
        Assert.True(Assert.Single(await Json(await alice.GetAsync("/api/staff/accounts")), a => a.GetProperty("userName").GetString() == "mei").GetProperty("disabled").GetBoolean());

        // Enabled again, the member signs in afresh; the session from before stays over.
        Assert.Equal(HttpStatusCode.NoContent, (await alice.PostAsync("/api/staff/accounts/mei/enable")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await mei.GetAsync("/api/staff/me")).StatusCode);
        using var again = await StaffSession.SignInAsync(_server, "mei", theirs);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/staff/me")).StatusCode);
    }

    [Fact]
    public async Task Moving_a_member_to_another_district_signs_them_in_again_with_the_new_scope()
    {
        const string theirs = "a long enough password";
        var store = _server.Get<StaffStore>();
        store.Create("mei", theirs, StaffRoles.Staff, "婺城区", "婺城小梅");
        using var mei = await StaffSession.SignInAsync(_server, "mei", theirs);
        using var alice = await StaffSession.SignInAsync(_server, "alice", Password);

        // A new display name alone: the session goes on.
        var renamed = await Body(await alice.PatchAsync("/api/staff/accounts/mei", new { displayName = "小梅" }));
        Assert.Equal(("小梅", "婺城区", false), (renamed.GetProperty("displayName").GetString(), renamed.GetProperty("scope").GetString(), renamed.GetProperty("signedOut").GetBoolean()));
        Assert.Equal("婺城区", (await mei.GetJsonAsync("/api/staff/me")).GetProperty("scope").GetString());

        // A new district: the old session carried the old one, so it ends; signed in again, the new one holds.
        var moved = await Body(await alice.PatchAsync("/api/staff/accounts/mei", new { scope = "金东区" }));
        Assert.True(moved.GetProperty("signedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await mei.GetAsync("/api/staff/me")).StatusCode);
        using var again = await StaffSession.SignInAsync(_server, "mei", theirs);
        Assert.Equal("金东区", (await again.GetJsonAsync("/api/staff/me")).GetProperty("scope").GetString());
        Assert.Equal(2, _server.Get<AuditLog>().Recent(10, "staff:mei").Count(e => e.Action == "staff.updated" && e.Actor == "staff:alice"));

        // Bad input changes nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await alice.PatchAsync("/api/staff/accounts/mei", new { role = "boss" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.PatchAsync("/api/staff/accounts/nobody", new { scope = "金东区" })).StatusCode);
        Assert.Equal((StaffRoles.Staff, "金东区"), (store.Find("mei")!.Role, store.Find("mei")!.Scope));
        // Staff cannot change accounts; the last enabled admin cannot become staff.
        Assert.Equal(HttpStatusCode.Forbidden, (await again.PatchAsync("/api/staff/accounts/mei", new { role = "admin" })).StatusCode);
        var demote = await alice.PatchAsync("/api/staff/accounts/alice", new { role = "staff", scope = "金东区" });
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains(StaffTexts.LastAdminRole, await demote.Content.ReadAsStringAsync());
        Assert.Equal(StaffRoles.Admin, store.Find("alice")!.Role);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/staff/me")).StatusCode);
    }

    [Fact]
    public async Task A_new_password_ends_the_sessions_signed_in_with_the_old_one()
    {
        using var before = await StaffSession.SignInAsync(_server, "alice", Password);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/api/staff/me")).StatusCode);
        _server.Get<StaffStore>().SetPassword("alice", "a brand new long password");
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/staff/me")).StatusCode);
        using var after = await StaffSession.SignInAsync(_server, "alice", "a brand new long password");
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/api/staff/me")).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account_and_an_unknown_one_is_404()
    {
        using var alice = await StaffSession.SignInAsync(_server, "alice", Password);
        var own = await alice.PostAsync("/api/staff/accounts/alice/disable");
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains(StaffTexts.CannotDisableSelf, await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/staff/me")).StatusCode);
        var unknown = await alice.PostAsync("/api/staff/accounts/nobody/disable");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(StaffTexts.UnknownAccount, await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_issued_before_a_disable_or_a_new_password_stays_dead_after_it()
    {
        var store = _server.Get<StaffStore>();
        store.Create("lan", "a long enough password", StaffRoles.Staff, "金东区");
        using var script = _server.CreateClient(cookies: false);
        script.DefaultRequestHeaders.Authorization = new("Bearer", _server.Get<StaffTokens>().Issue("lan", "script"));
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/staff/me")).StatusCode);

        Assert.Equal(DisableOutcome.Changed, store.SetDisabled("lan", true).Outcome);
        Assert.Equal(DisableOutcome.Changed, store.SetDisabled("lan", false).Outcome);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/staff/me")).StatusCode); // enabled again, still dead

        script.DefaultRequestHeaders.Authorization = new("Bearer", _server.Get<StaffTokens>().Issue("lan", "script"));
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/staff/me")).StatusCode);
        store.SetPassword("lan", "another long password");
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/staff/me")).StatusCode);
    }

    [Fact]
    public async Task Enabling_an_enabled_account_changes_nothing_and_the_last_admin_cannot_be_disabled()
    {
        var store = _server.Get<StaffStore>();
        using var alice = await StaffSession.SignInAsync(_server, "alice", Password);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.PostAsync("/api/staff/accounts/alice/enable")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/staff/me")).StatusCode); // not signed out by a no-op
        Assert.DoesNotContain(_server.Get<AuditLog>().Recent(10, "staff:alice"), e => e.Action == "staff.enabled");

        // alice is the only admin: nobody may disable her (there would be no one left to enable anybody).
        store.Create("bo", "a long enough password", StaffRoles.Admin, null);
        using var bo = await StaffSession.SignInAsync(_server, "bo", "a long enough password");
        Assert.Equal(HttpStatusCode.NoContent, (await alice.PostAsync("/api/staff/accounts/bo/disable")).StatusCode);
        Assert.Equal((DisableOutcome.LastAdmin, false), (store.SetDisabled("alice", true).Outcome, store.Find("alice")!.Disabled));
        Assert.Equal(DisableOutcome.Unchanged, store.SetDisabled("bo", true).Outcome);
    }

    [Fact]
    public async Task A_sign_in_racing_a_disable_does_not_undo_it()
    {
        var store = _server.Get<StaffStore>();
        store.Create("kai", "a long enough password", StaffRoles.Staff, "金东区");
        // Wrong passwords (anyone can send them) write the failure counters back while an admin disables the account.
        var signIns = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++) await _server.Get<StaffSignIn>().SignInAsync("kai", i % 5 == 4 ? "a long enough password" : "wrong password " + i);
        });
        var toggles = Task.Run(() =>
        {
            for (var i = 0; i < 40; i++) store.SetDisabled("kai", i % 2 == 0);
        });
        await Task.WhenAll(signIns, toggles);
        // Forty changes, the last one enabling: whatever the sign-ins wrote back lost none of them.
        var kai = store.Find("kai")!;
        Assert.False(kai.Disabled);
        Assert.Equal(40, kai.SessionVersion);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<JsonElement.ArrayEnumerator> Json(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray();
    }

    [Fact]
    public async Task Account_administration_answers_in_Chinese_and_creating_or_unlocking_an_account_is_audited()
    {
        using var alice = await StaffSession.SignInAsync(_server, "alice", Password);
        async Task<string> Refusal(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
        }

        Assert.Equal(StaffTexts.PasswordLength, await Refusal(await alice.PostAsync("/api/staff/accounts", new { userName = "dan", password = "short", role = "staff", scope = "天台县" })));
        Assert.Equal(StaffTexts.ScopeRequired, await Refusal(await alice.PostAsync("/api/staff/accounts", new { userName = "dan", password = "a long enough password", role = "staff" })));
        Assert.Equal(StaffTexts.UnknownRole, await Refusal(await alice.PostAsync("/api/staff/accounts", new { userName = "dan", password = "a long enough password", role = "boss" })));
        Assert.Equal(HttpStatusCode.Created, (await alice.PostAsync("/api/staff/accounts", new { userName = "dan", password = "a long enough password", role = "admin" })).StatusCode);
        Assert.Equal(StaffTexts.NameTaken, await Refusal(await alice.PostAsync("/api/staff/accounts", new { userName = "Dan", password = "a long enough password", role = "admin" })));
        Assert.Equal(StaffTexts.DisplayNameLength, await Refusal(await alice.PatchAsync("/api/staff/accounts/dan", new { displayName = new string('名', 41) })));
        Assert.Equal(HttpStatusCode.NoContent, (await alice.PostAsync("/api/staff/accounts/dan/unlock")).StatusCode);

        var rows = _server.Get<AuditLog>().Recent(10, "staff:dan");
        Assert.Contains(rows, e => e.Action == "staff.created" && e.Actor == "staff:alice" && e.Detail == "admin");
        Assert.Contains(rows, e => e.Action == "staff.unlocked" && e.Actor == "staff:alice");
    }

    [Fact]
    public async Task Staff_of_a_district_cannot_administer_accounts()
    {
        _server.Get<StaffStore>().Create("carol", "a long enough password", StaffRoles.Staff, "天台县");
        using var client = _server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/staff/login", new { userName = "carol", password = "a long enough password" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/staff/accounts")).StatusCode);
    }

    [Fact]
    public void Passwords_are_stored_hashed()
    {
        var account = _server.Get<StaffStore>().Find("alice")!;
        Assert.DoesNotContain(Password, account.PasswordHash);
        Assert.StartsWith("AQAAAA", account.PasswordHash); // ASP.NET Core Identity v3 format
    }
}
