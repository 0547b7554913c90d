using ChatAssistant.Knowledge;

namespace ChatAssistant.Tests.Knowledge;

/// <summary>One knowledge base over the repository guide, shared by the tests of a class (building it takes a moment).</summary>
public sealed class KnowledgeBaseFixture
{
    public KnowledgeBase Knowledge { get; } = KnowledgeBase.Load(GuideFiles.RepositoryGuide);
}
