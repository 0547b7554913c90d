namespace ChatAssistant.Escalation;

/// <summary>
/// A county a user is on record in outside any conversation — the district of their roster binding, the county of
/// their last help request — which decides whose staff may pick them up from the console (<see cref="PickUpPolicy"/>).
/// Features that keep such records register one.
/// </summary>
public interface IUserCountyRecord
{
    /// <summary>The counties this source has on record for the user; none when it knows nothing of them.</summary>
    IEnumerable<string> CountiesOf(string channelId, string userId);
}
