namespace ChatAssistant.Knowledge.Safety;

/// <summary>How the assistant answers a message, from the crisis check.</summary>
public enum CrisisLevel
{
    /// <summary>Nothing of concern: route the message as usual.</summary>
    None,

    /// <summary>Distress without a clear danger: a gentle check with 12355, never silence or 「不太确定」.</summary>
    Check,

    /// <summary>A crisis: the safety message first, and an urgent hand-off to a person.</summary>
    Crisis,
}
