using ChatAssistant.Conversation;
using ChatAssistant.Identity;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Operations;

/// <summary>
/// Counts every finished turn into <see cref="DailyTally"/>: a message, and the kind of answer it got, under the county
/// of the roster the writer is bound to (held in memory by <see cref="IdentityService"/>; empty when not bound).
/// </summary>
public sealed class DailyTallyListener(DailyTally tally, IdentityService identity) : ITurnOutcomeListener
{
    public void Finished(ITurnContext turn, (string Kind, string? Topic)? answer)
    {
        var county = identity.BoundMember(turn.Activity.From?.Id ?? "")?.District;
        tally.Count(DailyTally.Messages, county);
        if (answer is { } given) tally.Count(given.Kind, county, given.Topic);
    }
}
