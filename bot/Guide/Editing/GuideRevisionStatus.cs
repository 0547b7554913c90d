namespace ChatAssistant.Guide.Editing;

/// <summary>Where a revision is.</summary>
public static class GuideRevisionStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Discarded = "discarded";
}
