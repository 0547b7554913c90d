namespace ChatAssistant.Escalation;

/// <summary>Why the desk refused a change (mapped to HTTP answers by the endpoints).</summary>
public static class DeskRefusals
{
    public const string NotFound = "not-found";
    public const string Resolved = "resolved";
    public const string ClaimedByOther = "claimed-by-other";
    public const string Purged = "purged";
    public const string NoteRequired = "note-required";
}
