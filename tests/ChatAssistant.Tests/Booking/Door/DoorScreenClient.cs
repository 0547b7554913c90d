using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Booking.Door;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Booking.Door;

/// <summary>
/// What the door-screen tests do over real HTTP against a <see cref="WeChatTestServer"/>: staff make display keys with
/// a bearer token, a screen opens the page and fetches codes with the key's cookie, delegates scan through the signed,
/// encrypted WeChat callback with the scene the fake WeChat API put into the code.
/// </summary>
internal sealed class DoorScreenClient(WeChatTestServer wechat, TimeProvider time)
{
    private long _createTime;

    public HttpClient Staff(string userName)
    {
        var client = wechat.Server.CreateClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", wechat.Server.Get<StaffTokens>().Issue(userName, "test"));
        return client;
    }

    /// <summary>Creates a display key as <paramref name="staff"/>; returns the key and the page's address.</summary>
    public static async Task<(string Key, string Url, int Id)> CreateKeyAsync(HttpClient staff, int studioId, string label = "一楼门口")
    {
        var response = await staff.PostAsJsonAsync($"/api/staff/booking/studios/{studioId}/door-keys", new { label });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("key").GetString()!, body.GetProperty("url").GetString()!, body.GetProperty("view").GetProperty("id").GetInt32());
    }

    /// <summary>A screen: a client with its own cookie jar, after opening the page with the key (the key moves into the cookie).</summary>
    public async Task<HttpClient> OpenScreenAsync(string url)
    {
        var screen = wechat.Server.CreateClient(cookies: true);
        using var opened = await screen.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(url[..url.IndexOf('?', StringComparison.Ordinal)], opened.Headers.Location!.OriginalString);
        return screen;
    }

    /// <summary>The screen's current code (200), or the status it got.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> CodeAsync(HttpClient screen, int studioId)
    {
        using var response = await screen.GetAsync(DoorDisplayEndpoints.PagePath(studioId) + "/code");
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The scene a scan of the shown code sends (what WeChat put into it).</summary>
    public string SceneOf(JsonElement code) => wechat.Api.SceneOf(code.GetProperty("ticket").GetString()!)!;

    /// <summary>Posts a signed, encrypted SCAN event (or a subscribe from a parametric code) and returns the passive reply's text.</summary>
    public async Task<string> ScanAsync(string openId, string scene, bool subscribe = false)
    {
        var created = Math.Max(time.GetUtcNow().ToUnixTimeSeconds(), Interlocked.Increment(ref _createTime));
        Interlocked.Exchange(ref _createTime, created);
        var xml = WeChatXml.Write(
        [
            new("ToUserName", "gh_test"), new("FromUserName", openId), new("CreateTime", created.ToString(CultureInfo.InvariantCulture)),
            new("MsgType", "event"), new("Event", subscribe ? "subscribe" : "SCAN"), new("EventKey", subscribe ? "qrscene_" + scene : scene), new("Ticket", "TICKET"),
        ]);
        using var client = wechat.Server.CreateClient(cookies: false);
        client.Timeout = TimeSpan.FromMinutes(2);
        using var response = await client.SendAsync(wechat.Requests.Post(xml, WeChatMode.Safe));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body == "success" ? "" : wechat.Requests.ReadReply(body)["Content"];
    }
}
