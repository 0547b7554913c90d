namespace ChatAssistant.Conversation;

/// <summary>
/// A crisis hand-off's reasons for staff: the category (Suicide, Abuse, Violence, Danger), the signal that decided it
/// (a lexicon entry or the model's score) and the safety message the user was sent.
/// </summary>
public sealed record CrisisNotice(string Category, string Signal, string Reply);
