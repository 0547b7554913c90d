namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>The Chinese analysis choices compared by the evaluation (see docs/KNOWLEDGE.md).</summary>
public enum AnalysisProfile
{
    /// <summary>SmartCn words (HMM segmentation).</summary>
    SmartCn,

    /// <summary>Overlapping CJK bigrams (CJKAnalyzer).</summary>
    CjkBigram,

    /// <summary>CJK bigrams plus single characters (tolerates one-character typos).</summary>
    CjkUniBigram,

    /// <summary>jieba.NET search-mode words with the synonym and tag words as user dictionary.</summary>
    Jieba,

    /// <summary>Two fields: CJK bigrams and SmartCn words.</summary>
    BigramPlusSmartCn,

    /// <summary>Two fields: CJK bigrams and jieba words.</summary>
    BigramPlusJieba,

    /// <summary>Two fields: CJK bigrams with single characters, and SmartCn words.</summary>
    UniBigramPlusSmartCn,

    /// <summary>Two fields: CJK bigrams with single characters, and jieba words.</summary>
    UniBigramPlusJieba,
}
