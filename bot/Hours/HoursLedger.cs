using ChatAssistant.Storage;
using ChatAssistant.Conversation.Time;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Hours;

/// <summary>
/// Reads balances from the append-only ledger (never from a stored number) and writes its entries.
/// Points are fixed when hours are credited, so changing <see cref="HoursOptions.PointsPerHour"/> changes
/// future credits only and a balance never shifts under a volunteer.
/// </summary>
public sealed class HoursLedger(IHoursStore store, AssistantClock clock, IOptions<HoursOptions> options)
{
    /// <summary>The credit entry for a counted record.</summary>
    public static LedgerEntry Credit(HourRecord record, decimal pointsPerHour, DateTimeOffset at, string by) => new()
    {
        Key = LedgerEntry.CreditKey(record.Key),
        VolunteerId = record.VolunteerId,
        Kind = LedgerKind.HoursCredit,
        Hours = record.Hours,
        Points = Math.Round(record.Hours * pointsPerHour, 2, MidpointRounding.AwayFromZero),
        ActivityDate = record.Date,
        Ref = record.RecordId,
        At = at,
        By = by,
    };

    /// <summary>The current points rate.</summary>
    public decimal PointsPerHour => options.Value.PointsPerHour;

    /// <summary>Every ledger entry of a volunteer.</summary>
    public IReadOnlyList<LedgerEntry> Entries(string volunteerId) => store.LedgerOf(volunteerId);

    /// <summary>The volunteer's points, summed from the ledger.</summary>
    public PointsBalance Points(string volunteerId) => PointsOf(Entries(volunteerId));

    /// <summary>Sums points of already-read entries.</summary>
    public static PointsBalance PointsOf(IEnumerable<LedgerEntry> entries)
    {
        decimal earned = 0, spent = 0;
        foreach (var e in entries)
        {
            if (e.Kind is LedgerKind.HoursCredit or LedgerKind.HoursReversal) earned += e.Points;
            else spent -= e.Points;
        }
        return new PointsBalance(earned, spent);
    }

    /// <summary>The volunteer's hours: counted ones from the ledger, pending ones from the review queue.</summary>
    public HoursSummary Hours(string volunteerId)
    {
        var year = clock.Today.Year;
        var yearPrefix = year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";
        var hourEntries = Entries(volunteerId).Where(e => e.Kind is LedgerKind.HoursCredit or LedgerKind.HoursReversal).ToList();
        var total = hourEntries.Sum(e => e.Hours);
        var thisYear = hourEntries.Where(e => (e.ActivityDate ?? "").StartsWith(yearPrefix, StringComparison.Ordinal)).Sum(e => e.Hours);
        var records = store.RecordsOf(volunteerId).Where(r => r.Status != RecordStatus.Revoked).ToList();
        var pending = records.Where(r => r.Status == RecordStatus.Flagged).Sum(r => r.Hours);
        var recent = records.OrderByDescending(r => r.Date, StringComparer.Ordinal).ThenByDescending(r => r.StartMinute)
            .Take(options.Value.RecentActivities).ToList();
        return new HoursSummary(total, thisYear, year, pending, recent);
    }
}
