using System.Globalization;
using LiteDB;

namespace ChatAssistant.Hours;

/// <summary>
/// One activity record from the volunteer platform's export (志愿汇). The record id is the platform's, and it is
/// unique per district, not across districts: two districts' exports may use the same id, and one district must
/// not learn whether an id exists in another or take its record. The document id is therefore
/// <see cref="KeyOf"/>(district, record id), so the same record of a district can never be stored twice.
/// Dates and times are wall-clock Beijing values kept as text/minutes: LiteDB would shift a DateTime to UTC.
/// </summary>
public sealed class HourRecord
{
    /// <summary>
    /// The document id: <see cref="KeyOf"/>(<see cref="District"/>, <see cref="RecordId"/>). Records stored before ids
    /// were kept per district keep their record id as their key (their ledger entries and audit rows name it).
    /// </summary>
    [BsonId]
    public string Key { get; set; } = "";

    /// <summary>The platform's record id, as staff see and type it.</summary>
    public string RecordId { get; set; } = "";

    /// <summary>
    /// The district the record was imported for (its volunteer's roster district then). Null only for a record of
    /// an earlier version whose volunteer was no longer on the roster when the version came.
    /// </summary>
    public string? District { get; set; }

    public string VolunteerId { get; set; } = "";

    public string Activity { get; set; } = "";

    public string Organiser { get; set; } = "";

    /// <summary>yyyy-MM-dd.</summary>
    public string Date { get; set; } = "";

    /// <summary>Minutes after midnight.</summary>
    public int StartMinute { get; set; }

    /// <summary>Minutes after midnight.</summary>
    public int EndMinute { get; set; }

    public decimal Hours { get; set; }

    public RecordStatus Status { get; set; }

    public List<RuleFlag> Flags { get; set; } = [];

    public string ImportId { get; set; } = "";

    public DateTimeOffset ImportedAt { get; set; }

    [BsonIgnore]
    public DateOnly Day => DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whether the record's hours count towards the balance.</summary>
    [BsonIgnore]
    public bool Counts => Status is RecordStatus.Verified or RecordStatus.Approved;

    /// <summary>"09:00".</summary>
    public static string Clock(int minute) => $"{minute / 60:D2}:{minute % 60:D2}";

    /// <summary>
    /// The document id of <paramref name="recordId"/> in <paramref name="district"/>. The district's length goes first,
    /// so no district and id can spell another pair's key (a district "A/B" with id "C" against "A" with "B/C").
    /// </summary>
    public static string KeyOf(string district, string recordId) =>
        $"{district.Length.ToString(CultureInfo.InvariantCulture)}:{district}/{recordId}";
}
