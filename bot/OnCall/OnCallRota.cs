using ChatAssistant.Conversation.Time;
using ChatAssistant.Escalation;
using ChatAssistant.Staff;
using Microsoft.Extensions.Options;

namespace ChatAssistant.OnCall;

/// <summary>
/// A county's on-call rota: the lines of <c>Escalation:OnCall</c>, then those staff added in the console, in that order.
/// Who is on duty is read in Beijing time (<see cref="AssistantClock"/>); only enabled accounts count.
/// </summary>
public sealed class OnCallRota(IOptions<EscalationOptions> options, OnCallStore store, StaffStore staff, AssistantClock clock)
{
    /// <summary>Every line of the rota (of <paramref name="county"/> only, when given), configuration's first.</summary>
    public IReadOnlyList<OnCallShift> Lines(string? county = null) =>
        options.Value.OnCall.Select(s => { s.FromConfiguration = true; return s; })
            .Concat(store.All())
            .Where(s => county is null || string.Equals(s.County, county, StringComparison.Ordinal))
            .ToList();

    /// <summary>The accounts on duty for <paramref name="county"/> now, in rota order (none when the county is unknown).</summary>
    public IReadOnlyList<StaffAccount> OnDuty(string? county) => county is null ? [] : Accounts(Lines(county).Where(s => s.Covers(clock.Now.DateTime)));

    /// <summary>Everybody on <paramref name="county"/>'s rota, in rota order: who is alerted next when nobody answers.</summary>
    public IReadOnlyList<StaffAccount> Everyone(string? county) => county is null ? [] : Accounts(Lines(county));

    private List<StaffAccount> Accounts(IEnumerable<OnCallShift> lines)
    {
        var seen = new HashSet<int>();
        var found = new List<StaffAccount>();
        foreach (var line in lines)
            if (staff.Find(line.Staff) is { Disabled: false } account && seen.Add(account.Id)) found.Add(account);
        return found;
    }
}
