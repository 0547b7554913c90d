namespace ChatAssistant.Disputes;

/// <summary>Checks <c>Disputes:Cities</c> and <c>Disputes:Counties</c>, naming the setting of each problem.</summary>
internal static class CountySettings
{
    private const string Cities = DisputeOptions.Section + ":Cities";
    private const string Counties = DisputeOptions.Section + ":Counties";

    public static IEnumerable<string> Problems(DisputeOptions options)
    {
        if (options.Cities is { Count: > 0 } && options.Counties is { Length: > 0 })
        {
            yield return $"Settings '{Cities}' and '{Counties}' are both set: keep '{Cities}:{{city}}:0…n' (the counties grouped by city) and remove '{Counties}'.";
            yield break;
        }
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = options.Cities is { Count: > 0 } cities
            ? cities.Select(c => ($"{Cities}:{c.Key}", c.Value ?? []))
            : [(Counties, options.Counties ?? [])];
        foreach (var (setting, list) in lists)
        {
            if (options.Cities is { Count: > 0 } && list.Length == 0) yield return $"Setting '{setting}' lists no counties; add '{setting}:0' or remove the city.";
            for (var i = 0; i < list.Length; i++)
            {
                var county = list[i]?.Trim() ?? "";
                if (county.Length == 0)
                    yield return $"Setting '{setting}:{i}' is empty; name a county (区县) or remove the entry.";
                else if (county.Length > 40)
                    yield return $"Setting '{setting}:{i}' is longer than 40 characters.";
                else if (county != DisputeTexts.OtherArea && !seen.TryAdd(county, $"{setting}:{i}"))
                    yield return $"Setting '{setting}:{i}' repeats 「{county}」 (already '{seen[county]}'); a county is one staff scope and is listed once.";
            }
        }
    }
}
