using System.Collections.Frozen;

namespace ChatAssistant.Staff;

/// <summary>
/// What a staff member may see, as a hierarchy: a province admin everything; a city's staff (their scope is the name
/// of an Official Account, e.g. <c>jinhua</c>) the counties that account serves (<c>WeChat:Accounts:{name}:Counties</c>);
/// a county's staff (their scope is a county, or a workshop) that county only. Every staff scope check asks
/// <see cref="Covers"/>.
/// </summary>
public sealed class StaffScope
{
    /// <summary>A province admin's scope.</summary>
    public static readonly StaffScope Everything = new(null, []);

    /// <summary>A member with no scope set: sees nothing.</summary>
    public static readonly StaffScope Nothing = new("", []);

    private readonly FrozenSet<string> _counties;

    private StaffScope(string? name, IEnumerable<string> counties)
    {
        Name = name;
        _counties = counties.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The scope of one county's (or workshop's) staff.</summary>
    public static StaffScope County(string county) => new(county, [county]);

    /// <summary>The scope <paramref name="name"/> covering <paramref name="counties"/> (and the name itself).</summary>
    public static StaffScope Of(string name, IEnumerable<string> counties) => new(name, counties);

    /// <summary>The member's scope setting (a county, a workshop or an account); null for everything.</summary>
    public string? Name { get; }

    public bool IsEverything => Name is null;

    /// <summary>The counties below this scope (empty for everything: no list needed).</summary>
    public IReadOnlyCollection<string> Counties => _counties;

    /// <summary>True when a record of <paramref name="area"/> (a county, or a scope name) is within this scope.</summary>
    public bool Covers(string? area) =>
        IsEverything || (!string.IsNullOrEmpty(area) && (_counties.Contains(area) || string.Equals(area, Name, StringComparison.Ordinal)));

    /// <summary>True when everything <paramref name="other"/> covers is within this scope.</summary>
    public bool Contains(StaffScope other) =>
        IsEverything || (!other.IsEverything && Covers(other.Name) && other.Counties.All(Covers));

    public override string ToString() => Name ?? "(all)";
}
