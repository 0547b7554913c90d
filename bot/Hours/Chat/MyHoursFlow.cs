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

/// <summary>我的时长: verified hours (total and this year), hours awaiting review, the latest activities.</summary>
public sealed class MyHoursFlow(IVolunteerDirectory volunteers, HoursLedger ledger) : VolunteerReportFlow(volunteers)
{
    public const string FlowId = "hours.mine";

    public override string Id => FlowId;

    public override string Title => "我的时长";

    protected override string Render(string volunteerId)
    {
        var summary = ledger.Hours(volunteerId);
        var nothing = summary.TotalHours == 0 && summary.PendingHours == 0 && summary.Recent.Count == 0;
        return nothing ? HoursTexts.NoRecords : HoursTexts.MyHours(summary);
    }
}

/// <summary>我的积分: 爱心存折 points earned, spent and available.</summary>
public sealed class MyPointsFlow(IVolunteerDirectory volunteers, HoursLedger ledger) : VolunteerReportFlow(volunteers)
{
    public const string FlowId = "hours.points";

    public override string Id => FlowId;

    public override string Title => "我的积分";

    protected override string Render(string volunteerId) => HoursTexts.MyPoints(ledger.Points(volunteerId), ledger.PointsPerHour);
}
