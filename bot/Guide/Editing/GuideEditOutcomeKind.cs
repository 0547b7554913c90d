namespace ChatAssistant.Guide.Editing;

/// <summary>Done, refused with reasons, not found, or overtaken by another change.</summary>
public enum GuideEditOutcomeKind
{
    Done,
    Invalid,
    NotFound,
    Conflict,
}
