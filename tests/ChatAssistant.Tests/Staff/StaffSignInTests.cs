using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatAssistant.Staff;
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
        for (var i = 0; i < StaffStore.MaxFailedSignIns - 1; i++)
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
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
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
        var token = _server.Get<StaffStore>().IssueToken("alice", "test");
        using var client = _server.CreateClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var created = await client.PostAsJsonAsync("/api/staff/accounts", new { userName = "bob", password = "another long password", role = "staff", scope = "天台县" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/staff/me")).StatusCode);
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
