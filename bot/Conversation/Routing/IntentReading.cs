namespace ChatAssistant.Conversation.Routing;

/// <summary>
/// What <see cref="IntentRouter.Read"/> found in a message: the request it makes (null when none, or when a question word
/// leaves the keyword to the guide) and, in that second case, the question word and the intent it held back.
/// </summary>
public sealed record IntentReading(IntentMatch? Match, (string Cue, Intent Intent)? LeftToGuide)
{
    /// <summary>A message with nothing to read (empty, or only punctuation).</summary>
    public static readonly IntentReading Nothing = new(null, null);
}
