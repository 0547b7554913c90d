using System.Globalization;

namespace ChatAssistant.Adapters.Coordination;

/// <summary>The <c>count</c> or <c>count|rest</c> values <see cref="IKeyValueCache.TryTakeAsync"/> counts in.</summary>
public static class CountedValue
{
    /// <summary>The count at the start of <paramref name="value"/>, or null when it holds none.</summary>
    public static int? Parse(string value)
    {
        var end = value.IndexOf('|', StringComparison.Ordinal);
        return int.TryParse(end < 0 ? value : value[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
    }

    /// <summary>The value with its count one higher, or null when it holds no count or the count has reached <paramref name="limit"/>.</summary>
    public static string? Next(string value, int limit)
    {
        if (Parse(value) is not { } count || count >= limit) return null;
        var end = value.IndexOf('|', StringComparison.Ordinal);
        return (count + 1).ToString(CultureInfo.InvariantCulture) + (end < 0 ? "" : value[end..]);
    }
}
