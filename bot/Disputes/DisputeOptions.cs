
namespace ChatAssistant.Disputes;

/// <summary>Settings of help requests (section "Disputes").</summary>
public sealed class DisputeOptions
{
    public const string Section = "Disputes";

    // Disputes:EncryptionKey is bound separately (Security/FieldKeyOptions) so that reading these settings does not
    // validate the key: only the host start and the first encryption do.

    /// <summary>Staff should acknowledge a new request within this time.</summary>
    public TimeSpan AcknowledgeWithin { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Staff should resolve (answer) a request within this time.</summary>
    public TimeSpan ResolveWithin { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Days after a request is resolved or closed when its personal fields are deleted.</summary>
    public int RetentionDays { get; set; } = 180;

    /// <summary>How often the retention job looks for expired requests.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// The counties users pick from, grouped by city (<c>Disputes:Cities:{city}:0…n</c>); they are also the scopes of
    /// county staff. Unset: <see cref="DefaultCities"/>.
    /// </summary>
    public Dictionary<string, string[]>? Cities { get; set; }

    /// <summary>The flat list of earlier versions (<c>Disputes:Counties:0…n</c>), still read when <see cref="Cities"/> is unset.</summary>
    public string[]? Counties { get; set; }

    /// <summary>
    /// The places of the seed's programmes: Jinhua's nine counties (the 亲青老娘舅 studios), 天台县 (the delegates'
    /// studio), 嵊州市 (爱心存折) and 江干区. 其他地区 is always added last.
    /// </summary>
    public static readonly IReadOnlyList<(string City, string[] Counties)> DefaultCities =
    [
        ("金华市", ["婺城区", "金东区", "兰溪市", "东阳市", "义乌市", "永康市", "浦江县", "武义县", "磐安县"]),
        ("台州市", ["天台县"]),
        ("绍兴市", ["嵊州市"]),
        ("杭州市", ["江干区"]),
    ];

    /// <summary>The configured counties (or the defaults) as users see them, 其他地区 last (registered as a singleton).</summary>
    public CountyDirectory BuildAreas() => new(
        Cities is { Count: > 0 } cities ? cities.Select(c => ((string?)c.Key, (IEnumerable<string>)(c.Value ?? [])))
        : Counties is { Length: > 0 } flat ? [(null, flat)]
        : DefaultCities.Select(c => ((string?)c.City, (IEnumerable<string>)c.Counties)));
}
