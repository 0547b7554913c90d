using LiteDB;

namespace ChatAssistant.Hours;

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
