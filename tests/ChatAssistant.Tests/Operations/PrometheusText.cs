using System.Globalization;

namespace ChatAssistant.Tests.Operations;

/// <summary>Reads the Prometheus text format: the sum of a metric's samples whose labels include the given ones.</summary>
public static class PrometheusText
{
    public static double Sum(string scrape, string metric, params (string Name, string Value)[] labels)
    {
        double total = 0;
        foreach (var raw in scrape.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var name = brace >= 0 && brace < space ? line[..brace] : line[..space];
            if (name != metric) continue;
            var labelText = brace >= 0 && brace < space ? line[(brace + 1)..line.IndexOf('}', StringComparison.Ordinal)] : "";
            if (!labels.All(l => labelText.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal))) continue;
            var rest = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ');
            total += double.Parse(rest[0], CultureInfo.InvariantCulture);
        }
        return total;
    }
}
