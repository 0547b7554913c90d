namespace ChatAssistant.Escalation;

/// <summary>Who wrote a transcript entry.</summary>
public enum EntryKind
{
    /// <summary>The user wrote it in the chat.</summary>
    User,

    /// <summary>A staff member's reply, sent to the user.</summary>
    Staff,

    /// <summary>What the bot told the user about the hand-off.</summary>
    Bot,

    /// <summary>An internal note: staff only, never sent.</summary>
    Note,
}
