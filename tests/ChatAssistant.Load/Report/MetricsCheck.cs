using System.Globalization;
using System.Net;

namespace ChatAssistant.Load.Report;

/// <summary>
/// After a run: what the server's <c>/metrics</c> counted against what the generator sent. Every message posted to the
/// callback and answered 2xx ran one turn (each is new, and the flood guard is off), so
/// <c>chatassistant_messages_total</c> of the WeChat accounts (the default one and, with <c>--accounts</c>, the others:
/// channel <c>wechat</c> or <c>wechat:{AppId}</c>) must equal that count; with telemetry off the endpoint is absent and
/// nothing is compared.
/// </summary>
public static class MetricsCheck
{
    public sealed record Result(string Line, bool Agrees);

    public static async Task<Result> CompareAsync(HttpClient http, long sent, long busy, CancellationToken ct)
    {
        using var response = await http.GetAsync("/metrics", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return new("Metrics check: /metrics is off (OpenTelemetry:Enabled=false), nothing compared", true);
        response.EnsureSuccessStatusCode();
        var scrape = await response.Content.ReadAsStringAsync(ct);
        var counted = Sum(scrape, "chatassistant_messages_total", "channel=\"wechat"); // wechat and wechat:{AppId}
        var answers = Sum(scrape, "chatassistant_answers_total", "");
        var turns = Sum(scrape, "chatassistant_turn_duration_seconds_count", "channel=\"wechat\"");
        var failures = Sum(scrape, "chatassistant_store_failures_total", "");
        var ran = sent - busy;
        var agrees = counted == ran && turns == ran && failures >= busy;
        var busyNote = busy == 0 ? "" : $", {busy:N0} of them 「系统繁忙」 at admission without a turn ({failures:N0} store failures counted)";
        return new($"Metrics check: the generator's callbacks answered {sent:N0}{busyNote}; /metrics counted {counted:N0} messages and {turns:N0} turns " +
            $"({answers:N0} answers to messages) — {(agrees ? "equal" : "NOT EQUAL")}", agrees);
    }

    private static double Sum(string scrape, string metric, string label)
    {
        double total = 0;
        foreach (var line in scrape.Split('\n'))
        {
            if (!line.StartsWith(metric, StringComparison.Ordinal) || (line.Length > metric.Length && line[metric.Length] is not ('{' or ' '))) continue;
            if (label.Length > 0 && !line.Contains(label, StringComparison.Ordinal)) continue;
            var brace = line.LastIndexOf('}');
            var value = (brace >= 0 ? line[(brace + 1)..] : line[metric.Length..]).Trim().Split(' ')[0];
            total += double.Parse(value, CultureInfo.InvariantCulture);
        }
        return total;
    }
}
