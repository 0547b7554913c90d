using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Identity;

namespace ChatAssistant.Booking;

/// <summary>我的值班: upcoming bookings and this year's attended duties against the requirement.</summary>
public sealed class MyDutiesFlow(IdentityService identity, BookingService booking, IStudioStore studios, AssistantClock clock) : Flow
{
    public const string FlowId = "booking.mine";

    public override string Id => FlowId;

    public override string Title => BookingTexts.MineTitle;

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("show", async (ctx, ct) =>
        {
            var member = await identity.RequireAsync(ctx, RosterKind.Delegate, ct);
            if (member is null) return StepResult.End();
            var standing = booking.Standing(member.MemberId);
            var upcoming = standing.Upcoming.Select(b => (b, studios.Read(b.StudioId))).ToList();
            await ctx.SendAsync(BookingTexts.Mine(clock, standing, upcoming), ct);
            return StepResult.End();
        }),
    ];
}
