namespace ChatAssistant.Disputes;

/// <summary>
/// One place a help request can be filed for: <see cref="Label"/> is what is shown and stored (and the staff scope that
/// sees the request), <see cref="ShortNames"/> what people also type (「天台」 for 天台县). Exposed as data so a
/// generic list matcher can accept the short names too.
/// </summary>
public sealed record CountyOption(string Label, string? City, IReadOnlyList<string> ShortNames)
{
    /// <summary>The catch-all 其他地区: no county's staff; the requests go to the default scope, shown as unassigned.</summary>
    public bool Unassigned { get; init; }
}
