using Lucene.Net.Analysis;

namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>One analysed variant of the text fields: a field-name suffix and its analyzer.</summary>
internal sealed record FieldAnalysis(string Suffix, Analyzer Analyzer);
