using System.Net;
using System.Net.Http.Json;
using ChatAssistant.Audit;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.StaffConsole;

/// <summary>快捷回复: admins keep them, every member lists them filled for themselves (name, help request number, 12355).</summary>
public sealed class QuickReplyApiTests
{
    [Fact]
    public async Task Admins_manage_quick_replies_and_members_get_them_filled_with_their_name_the_ticket_and_the_hotline()
    {
        await using var server = await AssistantServer.StartAsync();
        server.Get<StaffStore>().Create("boss", ConsoleServer.Password, StaffRoles.Admin, null, "管理员");
        server.Get<StaffStore>().Create("mei", ConsoleServer.Password, StaffRoles.Staff, "天台县", "天台小梅");
        HttpClient Client(string name)
        {
            var client = server.CreateClient(cookies: false);
            client.DefaultRequestHeaders.Authorization = new("Bearer", server.Get<StaffTokens>().Issue(name, "test"));
            return client;
        }
        using var admin = Client("boss");
        using var member = Client("mei");

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/staff/quick-replies", new { title = "问候", text = "你好" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/staff/quick-replies", new { title = "", text = "你好" })).StatusCode);
        var created = await (await admin.PostAsJsonAsync("/api/staff/quick-replies",
            new { title = "工单进度", text = "你好，我是{工作人员}，你的求助 {工单号} 正在处理。着急可以拨打{热线}。" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var id = created.GetProperty("id").GetInt32();

        var list = await member.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/staff/quick-replies?ticket=QQ000012");
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("你好，我是天台小梅，你的求助 QQ000012 正在处理。着急可以拨打12355。", item.GetProperty("filled").GetString());
        // Without an open help request the variable stays for the member to fill.
        var plain = await member.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/staff/quick-replies");
        Assert.Contains("{工单号}", plain.GetProperty("items")[0].GetProperty("filled").GetString());

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/staff/quick-replies/{id}", new { title = "进度", text = "{工作人员}在跟进。" })).StatusCode);
        Assert.Equal("天台小梅在跟进。", (await member.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/staff/quick-replies")).GetProperty("items")[0].GetProperty("filled").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/staff/quick-replies/{id}")).StatusCode);
        Assert.Empty((await member.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/staff/quick-replies")).GetProperty("items").EnumerateArray());
        Assert.Equal(["quickreply.added", "quickreply.changed", "quickreply.removed"],
            server.Get<AuditLog>().Recent(50, actor: "staff:boss").Where(a => a.Action.StartsWith("quickreply.", StringComparison.Ordinal)).Select(a => a.Action).Reverse());
    }
}
