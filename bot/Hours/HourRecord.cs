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
/// One activity record from the volunteer platform's export (志愿汇). The record id is the platform's,
/// and the document id, so the same record can never be stored twice.
/// Dates and times are wall-clock Beijing values kept as text/minutes: LiteDB would shift a DateTime to UTC.
/// </summary>
public sealed class HourRecord
{
    [BsonId]
    public string RecordId { get; set; } = "";

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
/// One line of the append-only ledger. The id is the source key ("hours:R1", "order:DH…", "return:DH…",
/// "revoke:R1"), so a replayed import, approval or order cannot count twice. Balances are sums over it.
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

    /// <summary>Record id or order number this entry belongs to.</summary>
    public string Ref { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>Staff user name, "import" or "wechat".</summary>
    public string By { get; set; } = "";

    public static string CreditKey(string recordId) => "hours:" + recordId;

    public static string ReversalKey(string recordId) => "revoke:" + recordId;

    public static string OrderKey(string orderNo) => "order:" + orderNo;

    public static string ReturnKey(string orderNo) => "return:" + orderNo;
}

/// <summary>One decision on hours or orders: who, when, what, why.</summary>
public sealed class HoursAuditEntry
{
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();

    public DateTimeOffset At { get; set; }

    public string Who { get; set; } = "";

    /// <summary>import, approve, revoke, redeem, fulfil, cancel.</summary>
    public string Action { get; set; } = "";

    /// <summary>Record id, order number or import id.</summary>
    public string Target { get; set; } = "";

    public string VolunteerId { get; set; } = "";

    public string Reason { get; set; } = "";
}
