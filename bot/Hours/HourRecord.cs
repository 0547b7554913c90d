using System.Globalization;
using LiteDB;

namespace ChatAssistant.Hours;

/// <summary>Where an imported hour record stands in review.</summary>
public enum RecordStatus
{
    /// <summary>Passed every integrity rule on import; counted.</summary>
    Verified,

    /// <summary>At least one rule fired; not counted until staff approve it.</summary>
    Flagged,

    /// <summary>Flagged, then approved by staff; counted.</summary>
    Approved,

    /// <summary>Revoked by staff; never counted.</summary>
    Revoked,
}

/// <summary>A rule that fired on a record, with the reason staff read.</summary>
public sealed record RuleFlag(string Rule, string Reason)
{
    public RuleFlag() : this("", "") { }
}

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

/// <summary>Why a ledger entry exists.</summary>
public enum LedgerKind
{
    /// <summary>Hours of a verified or approved record (and the points they earn).</summary>
    HoursCredit,

    /// <summary>A counted record revoked later: its hours and points taken back.</summary>
    HoursReversal,

    /// <summary>Points spent on a redemption order.</summary>
    Redemption,

    /// <summary>A cancelled order's points returned.</summary>
    RedemptionReturn,
}

/// <summary>
/// One line of the append-only ledger. The id is the source key ("hours:{record key}", "order:DH…", "return:DH…",
/// "revoke:{record key}"), so a replayed import, approval or order cannot count twice. Balances are sums over it.
/// </summary>
public sealed class LedgerEntry
{
    [BsonId]
    public string Key { get; set; } = "";

    public string VolunteerId { get; set; } = "";

    public LedgerKind Kind { get; set; }

    /// <summary>Signed hours (credits positive, reversals negative, zero for orders).</summary>
    public decimal Hours { get; set; }

    /// <summary>Signed points (earned positive, spent negative).</summary>
    public decimal Points { get; set; }

    /// <summary>The activity date (yyyy-MM-dd) for hour entries; "" otherwise.</summary>
    public string ActivityDate { get; set; } = "";

    /// <summary>Record id (the platform's, as staff know it) or order number this entry belongs to.</summary>
    public string Ref { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>Staff user name, "import" or "wechat".</summary>
    public string By { get; set; } = "";

    /// <summary>The source key of a record's credit; <paramref name="recordKey"/> is <see cref="HourRecord.Key"/>.</summary>
    public static string CreditKey(string recordKey) => "hours:" + recordKey;

    /// <summary>The source key of a record's reversal; <paramref name="recordKey"/> is <see cref="HourRecord.Key"/>.</summary>
    public static string ReversalKey(string recordKey) => "revoke:" + recordKey;

    public static string OrderKey(string orderNo) => "order:" + orderNo;

    public static string ReturnKey(string orderNo) => "return:" + orderNo;
}
