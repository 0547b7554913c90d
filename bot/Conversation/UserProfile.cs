namespace ChatAssistant.Conversation;

/// <summary>What the bot remembers about a user across conversations (kept in UserState). Nothing personal.</summary>
public sealed class UserProfile
{
    /// <summary>Whether the user has been greeted once.</summary>
    public bool Welcomed { get; set; }
}
