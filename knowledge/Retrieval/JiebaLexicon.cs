using JiebaNet.Segmenter;

namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>
/// The process-wide jieba.NET segmenter. jieba keeps its dictionary in static state and
/// <c>AddWord</c> mutates it, so segmenting and adding words are guarded by one reader-writer lock
/// (a reload may add domain words while other threads are answering).
/// </summary>
internal static class JiebaLexicon
{
    // The package ships its dictionary as loose files (not embedded); the csproj copies the ones the
    // segmenter needs into <output>/jieba, and the default location (<base>/Resources) is not used.
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        return new JiebaSegmenter();
    });

    private static readonly ReaderWriterLockSlim Lock = new();
    private static readonly HashSet<string> Added = new(StringComparer.Ordinal);

    public static void AddWords(IEnumerable<string> words)
    {
        var segmenter = Segmenter.Value;
        Lock.EnterWriteLock();
        try
        {
            foreach (var word in words.Where(w => w.Length > 1 && Added.Add(w)))
            {
                segmenter.AddWord(word);
            }
        }
        finally
        {
            Lock.ExitWriteLock();
        }
    }

    public static List<Token> Tokenize(string text)
    {
        var segmenter = Segmenter.Value;
        Lock.EnterReadLock();
        try
        {
            return segmenter.Tokenize(text, TokenizerMode.Search).ToList();
        }
        finally
        {
            Lock.ExitReadLock();
        }
    }
}
