using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatAssistant.Load.Report;
using ChatAssistant.Load.Traffic;

namespace ChatAssistant.Load.Infra;

/// <summary>
/// Seeds what the mix needs through the assistant's own CLI and staff API: an admin with a bearer token, a delegate
/// and a volunteer roster (one member of each per simulated user), hour records, a studio, and binds every
/// simulated user with one-time codes sent as 「绑定 12345678」 through the WeChat callback.
/// </summary>
public static class Seeder
{
    private const string District = "测试区";

    /// <summary>Before the server starts (LiteDB is opened by one process at a time): an admin account and its token.</summary>
    public static async Task<string> CreateAdminTokenAsync(string dll, IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var (code, output) = await BotServer.RunCliAsync(dll, settings, "Load-bench-pass-2026!", ct, "staff", "add", "loadadmin", "--role", "admin", "--password-stdin");
        if (code != 0) throw new InvalidOperationException("staff add failed: " + output);
        (code, output) = await BotServer.RunCliAsync(dll, settings, null, ct, "staff", "token", "loadadmin");
        if (code != 0) throw new InvalidOperationException("staff token failed: " + output);
        var token = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last(l => l.StartsWith("ca_", StringComparison.Ordinal));
        return token;
    }

    /// <summary>
    /// Before the server starts: both rosters through the operator CLI, as an operator sets up a new county (the
    /// CLI refuses to open the records file while a server has it).
    /// </summary>
    public static async Task ImportRostersAsync(string dll, IReadOnlyDictionary<string, string> settings, int users, CancellationToken ct)
    {
        foreach (var (kind, prefix, name) in new[] { ("delegate", "D", "代表"), ("volunteer", "V", "志愿者") })
        {
            var file = Path.Combine(Path.GetTempPath(), $"load-roster-{kind}-{Environment.ProcessId}.csv");
            await File.WriteAllTextAsync(file, Roster(prefix, name, users), ct);
            try
            {
                var (code, output) = await BotServer.RunCliAsync(dll, settings, null, ct, "roster", "import", "--kind", kind, file);
                if (code != 0) throw new InvalidOperationException($"roster import {kind} failed: {output}");
            }
            finally { File.Delete(file); }
        }
    }

    public static async Task SeedAsync(Uri server, string token, LoadRunner runner, IReadOnlyList<SimUser> users, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await PostCsvAsync(http, "/api/staff/hours/import", Hours(users.Count), ct);
        var studio = new
        {
            name = "压测代表工作室", county = District, address = "测试路1号",
            openings = Enumerable.Range(0, 7).SelectMany(d => new[] { new { day = DayNames[d], start = "08:00", end = "12:00" }, new { day = DayNames[d], start = "14:00", end = "18:00" } }),
            slotMinutes = 120, placesPerSlot = 3,
        };
        await CheckAsync(await http.PostAsJsonAsync("/api/staff/booking/studios", studio, ct), "studio", ct);

        // Bind in parallel batches: two codes per user (delegate and volunteer), each redeemed by the user itself.
        var recorder = new Recorder();
        await Parallel.ForEachAsync(users.Select((u, i) => (u, i)), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (x, token) =>
        {
            foreach (var (kind, prefix) in new[] { ("delegate", "D"), ("volunteer", "V") })
            {
                using var response = await http.PostAsync($"/api/staff/rosters/{kind}/{prefix}{x.i + 1:D5}/code", null, token);
                await CheckAsync(response, "code", token);
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(token));
                var reply = await runner.SendAsync("/api/wechat", x.u, new Step("bind", "绑定 " + json.RootElement.GetProperty("code").GetString()), recorder, token);
                if (reply is null || !reply.Contains("绑定成功", StringComparison.Ordinal) && !reply.Contains("已绑定", StringComparison.Ordinal))
                    throw new InvalidOperationException($"Binding {prefix}{x.i + 1:D5} answered: {reply}");
            }
        });
    }

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private static string Roster(string prefix, string name, int count)
    {
        var csv = new StringBuilder("id,name,district,phone\n");
        for (var i = 1; i <= count; i++) csv.Append($"{prefix}{i:D5},{name}{i},{District},\n");
        return csv.ToString();
    }

    private static string Hours(int count)
    {
        var csv = new StringBuilder("record_id,volunteer_id,activity,organiser,date,start,end,hours\n");
        for (var i = 1; i <= count; i++)
            for (var j = 1; j <= 3; j++)
                csv.Append($"R{i:D5}-{j},V{i:D5},社区服务{j},{District}团委,2026-10-{j * 3:D2},09:00,11:00,2\n");
        return csv.ToString();
    }

    private static async Task PostCsvAsync(HttpClient http, string path, string csv, CancellationToken ct)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        await CheckAsync(await http.PostAsync(path, content, ct), path, ct);
    }

    private static async Task CheckAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Seeding {what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }
}
