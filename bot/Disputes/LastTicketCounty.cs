using ChatAssistant.Escalation;

namespace ChatAssistant.Disputes;

/// <summary>The county of the user's last help request on the channel: its district's staff may pick the user up.</summary>
/// An unassigned request (其他地区) counts for the default scope that handles it.
public sealed class LastTicketCounty(TicketService tickets, TicketScope scope) : IUserCountyRecord
{
    public IEnumerable<string> CountiesOf(string channelId, string userId)
    {
        var last = tickets.ForUser(userId).FirstOrDefault(t => t.ChannelId == channelId);
        return last is not null && scope.ScopeOf(last.County) is { } county ? [county] : [];
    }
}
