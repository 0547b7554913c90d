namespace ChatAssistant.Hours.Chat;

/// <summary>我的积分: 爱心存折 points earned, spent and available.</summary>
public sealed class MyPointsFlow(IVolunteerDirectory volunteers, HoursLedger ledger) : VolunteerReportFlow(volunteers)
{
    public const string FlowId = "hours.points";

    public override string Id => FlowId;

    public override string Title => "我的积分";

    protected override string Render(string volunteerId) => HoursTexts.MyPoints(ledger.Points(volunteerId), ledger.PointsPerHour);
}
