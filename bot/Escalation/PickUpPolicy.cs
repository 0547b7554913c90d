using System.Security.Claims;
using ChatAssistant.Staff;

namespace ChatAssistant.Escalation;

/// <summary>
/// Who may pick a user up from the console (<c>POST /api/staff/escalations</c>): admins anyone; a member only a user
/// their district has on record — the county of the user's last hand-off, or one a feature keeps
/// (<see cref="IUserCountyRecord"/>: the roster binding, the last help request). Otherwise a member could pull any
/// OpenID into their own county and talk to someone else's user.
/// </summary>
public sealed class PickUpPolicy(EscalationScope scope, EscalationStore store, IEnumerable<IUserCountyRecord> records)
{
    public bool MayPickUp(ClaimsPrincipal user, string channelId, string userId)
    {
        if (user.IsAdmin()) return true;
        // An unknown county (null) is the default scope's, as in the queue.
        if (store.Latest(channelId, userId) is { } last && scope.CanSee(user, last.County)) return true;
        return records.Any(source => source.CountiesOf(channelId, userId).Any(county => scope.CanSee(user, county)));
    }
}
