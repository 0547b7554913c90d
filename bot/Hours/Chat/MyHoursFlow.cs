using ChatAssistant.Conversation.Flows;
using ChatAssistant.Identity;

namespace ChatAssistant.Hours.Chat;

/// <summary>我的时长: verified hours (total and this year), hours awaiting review, the latest activities.</summary>
public sealed class MyHoursFlow(IVolunteerDirectory volunteers, HoursLedger ledger) : Flow
{
    public const string FlowId = "hours.mine";

    public override string Id => FlowId;

    public override string Title => "我的时长";

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("show", async (ctx, ct) =>
        {
            var volunteerId = volunteers.VolunteerIdFor(ctx.UserId);
            if (volunteerId is null)
            {
                await ctx.SendAsync(IdentityTexts.NotBound(RosterKind.Volunteer), ct);
                return StepResult.End();
            }
            var summary = ledger.Hours(volunteerId);
            var nothing = summary.TotalHours == 0 && summary.PendingHours == 0 && summary.Recent.Count == 0;
            await ctx.SendAsync(nothing ? HoursTexts.NoRecords : HoursTexts.MyHours(summary), ct);
            return StepResult.End();
        }),
    ];
}

/// <summary>我的积分: 爱心存折 points earned, spent and available.</summary>
public sealed class MyPointsFlow(IVolunteerDirectory volunteers, HoursLedger ledger) : Flow
{
    public const string FlowId = "hours.points";

    public override string Id => FlowId;

    public override string Title => "我的积分";

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("show", async (ctx, ct) =>
        {
            var volunteerId = volunteers.VolunteerIdFor(ctx.UserId);
            if (volunteerId is null)
            {
                await ctx.SendAsync(IdentityTexts.NotBound(RosterKind.Volunteer), ct);
                return StepResult.End();
            }
            await ctx.SendAsync(HoursTexts.MyPoints(ledger.Points(volunteerId), ledger.PointsPerHour), ct);
            return StepResult.End();
        }),
    ];
}
