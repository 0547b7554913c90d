using System.Text;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Disputes;

/// <summary>
/// RELIABILITY row 12: seeds a unique description, phone and name through the whole help request, a staff
/// view and a reply, then searches the server's logs, the session store and every data file for them.
/// </summary>
internal static class SeededLeakSearch
{
    /// <param name="server">A started server whose data folder the caller owns (searched after it stops).</param>
    /// <param name="dumpSessions">Everything the session store holds, as text.</param>
    public static async Task RunAsync(AssistantServer server, Func<Task<string>> dumpSessions)
    {
        var marker = Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var description = $"同宿舍的同学总是拿走我的生活费，编号{marker}，希望有人帮忙调解。";
        var phone = "1" + Random.Shared.Next(3, 10) + Random.Shared.NextInt64(100_000_000, 999_999_999);
        var name = "林" + marker[..4];
        const string openId = "o6_wechat_openid_1";
        string stateMidFlow, stateAtEnd;
        await using (server)
        {
            var chat = new Chat(server.Services, openId);
            await chat.SayAsync("你好");
            foreach (var answer in new[] { "求助", "是", "3", "1", "1", description, "2", phone, "2" }) await chat.SayAsync(answer);
            await chat.SayAsync(name);
            // Waiting at the confirmation: every answer is in the session now.
            stateMidFlow = await dumpSessions();
            Assert.Contains("v2.", stateMidFlow);
            Assert.Contains("QQ", await chat.SayJoinedAsync("是"));
            await chat.SayAsync("我的求助");
            await chat.SayAsync("1");
            await chat.SayAsync("1");
            await chat.SayAsync($"补充：{marker} 还在继续");

            // Staff read it (decrypted on the wire) and reply: that must not reach the logs either.
            var ticket = Assert.Single(DisputeFixtures.AllTickets(server.Services));
            using var admin = DisputeFixtures.StaffClient(server, "privacy-admin", null);
            var detail = await (await admin.GetAsync($"/api/staff/tickets/{ticket.Number}")).Content.ReadAsStringAsync();
            Assert.Contains(marker, detail);
            Assert.Contains(phone, detail);
            var reply = await admin.PostAsync($"/api/staff/tickets/{ticket.Number}/reply",
                new StringContent($"{{\"text\":\"{name}你好\"}}", Encoding.UTF8, "application/json"));
            Assert.True(reply.IsSuccessStatusCode);
            stateAtEnd = await dumpSessions();
        }

        var logs = server.Logs.All;
        Assert.NotEmpty(server.Logs.Lines);
        var files = Directory.GetFiles(server.DataDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("assistant.db", StringComparison.Ordinal));
        foreach (var secret in new[] { description, marker, phone, name })
        {
            Assert.DoesNotContain(secret, logs);
            Assert.DoesNotContain(secret, stateMidFlow);
            Assert.DoesNotContain(secret, stateAtEnd);
            foreach (var file in files)
            {
                var bytes = await File.ReadAllBytesAsync(file);
                Assert.False(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0, $"{Path.GetFileName(file)} holds a seeded value in UTF-8");
                Assert.False(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) >= 0, $"{Path.GetFileName(file)} holds a seeded value in UTF-16");
            }
        }
        Assert.DoesNotContain(openId, logs);
    }
}
