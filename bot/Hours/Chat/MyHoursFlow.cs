namespace ChatAssistant.Hours.Chat;

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
