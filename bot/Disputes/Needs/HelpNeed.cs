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

/// <summary>Who files a help request: the young person, or a parent (guardian) for their child.</summary>
public enum Filer
{
    Self,
    Parent,
}
