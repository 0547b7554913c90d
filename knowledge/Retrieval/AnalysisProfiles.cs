using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>Creates the analyzers of a profile; each index gets its own instances.</summary>
internal static class AnalysisProfiles
{
    public static IReadOnlyList<FieldAnalysis> Create(AnalysisProfile profile, IEnumerable<string> domainWords) => profile switch
    {
        AnalysisProfile.SmartCn => [SmartCn()],
        AnalysisProfile.CjkBigram => [Bigram()],
        AnalysisProfile.CjkUniBigram => [UniBigram()],
        AnalysisProfile.Jieba => [Jieba(domainWords)],
        AnalysisProfile.BigramPlusSmartCn => [Bigram(), SmartCn()],
        AnalysisProfile.BigramPlusJieba => [Bigram(), Jieba(domainWords)],
        AnalysisProfile.UniBigramPlusSmartCn => [UniBigram(), SmartCn()],
        AnalysisProfile.UniBigramPlusJieba => [UniBigram(), Jieba(domainWords)],
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };

    private static FieldAnalysis SmartCn() => new("sc", new SmartChineseAnalyzer(LuceneVersion.LUCENE_48));

    private static FieldAnalysis Bigram() => new("bi", new CJKAnalyzer(LuceneVersion.LUCENE_48));

    private static FieldAnalysis UniBigram() => new("cu", new UniBigramAnalyzer());

    private static FieldAnalysis Jieba(IEnumerable<string> domainWords)
    {
        JiebaLexicon.AddWords(domainWords);
        return new FieldAnalysis("jb", new JiebaAnalyzer());
    }

    /// <summary>
    /// English words that carry no topic ("how do i sign up", "where can i check my hours"): a query term the guide
    /// never uses counts against the match, so left in they push short English questions below the not-sure line.
    /// Lucene's own English stop set leaves out the question words (how, what, where, can, my).
    /// </summary>
    internal static readonly CharArraySet EnglishFunctionWords = new(LuceneVersion.LUCENE_48,
        new[]
        {
            "a", "an", "the", "to", "of", "for", "in", "on", "at", "by", "with", "about", "and", "or", "is", "are", "am",
            "be", "it", "this", "that", "there", "i", "me", "my", "you", "your", "we", "our", "do", "does", "did", "can",
            "could", "should", "would", "will", "how", "what", "where", "when", "which", "who", "why", "please", "pls",
            "want", "need", "get",
        },
        ignoreCase: true);

    /// <summary>CJKAnalyzer's chain with unigrams kept as well as bigrams.</summary>
    private sealed class UniBigramAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
            stream = new StopFilter(LuceneVersion.LUCENE_48, stream, EnglishFunctionWords);
            stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: true);
            return new TokenStreamComponents(source, stream);
        }
    }
}
