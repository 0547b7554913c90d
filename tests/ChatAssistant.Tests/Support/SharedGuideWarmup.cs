using System.Runtime.CompilerServices;
using ChatAssistant.Knowledge;

namespace ChatAssistant.Tests.Support;

/// <summary>
/// Builds the repository guide once when the test assembly loads, before any test runs, as the server does at start-up
/// (<c>GuideWarmup</c>). Its second reader takes a few seconds to train and is shared by every host of the process with
/// the same content; trained lazily, the first hosts to start together each held a thread-pool thread waiting for it,
/// and the timing tests running beside them saw their timers seconds late.
/// </summary>
internal static class SharedGuideWarmup
{
    [ModuleInitializer]
    internal static void Warm() => KnowledgeBase.Load(Knowledge.GuideFiles.RepositoryGuide);
}
