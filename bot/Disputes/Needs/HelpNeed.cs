namespace ChatAssistant.Disputes;

/// <summary>What a message says the writer (or their child) needs help with, read by <see cref="HelpNeeds"/>.</summary>
public enum HelpNeed
{
    None,
    Bullying,
    Excluded,
    Family,
    Dispute,
    Counselling,
    Rights,
}
