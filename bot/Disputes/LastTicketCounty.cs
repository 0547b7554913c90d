using ChatAssistant.Escalation;

namespace ChatAssistant.Disputes;

/// <summary>The county of the user's last help request on the channel: its district's staff may pick the user up.</summary>
public sealed class LastTicketCounty(TicketService tickets) : IUserCountyRecord
{
    public IEnumerable<string> CountiesOf(string channelId, string userId)
    {
        var last = tickets.ForUser(userId).FirstOrDefault(t => t.ChannelId == channelId);
        return last is null ? [] : [last.County];
    }
}
