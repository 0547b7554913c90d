using ChatAssistant.Conversation.Flows;
using ChatAssistant.Identity;

namespace ChatAssistant.Hours.Chat;

/// <summary>
/// A one-message report for a bound volunteer (我的时长, 我的积分): unbound users are told how to bind.
/// </summary>
public abstract class VolunteerReportFlow(IVolunteerDirectory volunteers) : Flow
{
    /// <summary>The report for the volunteer with this roster id.</summary>
    protected abstract string Render(string volunteerId);

    protected sealed override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("show", async (ctx, ct) =>
        {
            var volunteerId = volunteers.VolunteerIdFor(ctx.UserId);
            await ctx.SendAsync(volunteerId is null ? IdentityTexts.NotBound(RosterKind.Volunteer) : Render(volunteerId), ct);
            return StepResult.End();
        }),
    ];
}
