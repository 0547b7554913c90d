namespace ChatAssistant.Hours;

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
