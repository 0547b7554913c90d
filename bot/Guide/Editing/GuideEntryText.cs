using ChatAssistant.Knowledge;

namespace ChatAssistant.Guide.Editing;

/// <summary>Whether two versions of an entry say the same (what an import compares; where it is filed does not count).</summary>
public static class GuideEntryText
{
    public static bool Same(GuideEntry a, GuideEntry b) =>
        a.Id.Equals(b.Id, StringComparison.OrdinalIgnoreCase) && a.Title == b.Title && a.Answer == b.Answer && a.Source == b.Source
        && a.Questions.SequenceEqual(b.Questions) && a.Tags.SequenceEqual(b.Tags);
}
