using ChatAssistant.Knowledge.Content;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>
/// Immutable in-memory Lucene index of the guide: one document per phrasing (title and each question),
/// each with question, title-and-tags and answer fields per analyzer. Searching is thread-safe.
/// </summary>
internal sealed class GuideIndex
{
    private const int MaxDocs = 60;
    private const string EntryField = "entry";

    // Matching a phrasing counts most; title/tags and the answer text help to break ties.
    private static readonly (string Prefix, float Boost)[] Roles = [("q_", 1.0f), ("t_", 0.5f), ("a_", 0.2f)];

    private readonly IReadOnlyList<FieldAnalysis> _analysis;
    private readonly IndexSearcher _searcher;
    private readonly IndexReader _reader;
    private readonly int[] _entryOfDoc;
    private readonly IReadOnlyList<GuideEntry> _entries;

    private GuideIndex(IReadOnlyList<FieldAnalysis> analysis, IndexReader reader, IReadOnlyList<GuideEntry> entries)
    {
        _analysis = analysis;
        _reader = reader;
        _entries = entries;
        _searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        _entryOfDoc = new int[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            _entryOfDoc[doc] = reader.Document(doc).GetField(EntryField).GetInt32Value() ?? -1;
        }
    }

    public AnalysisProfile Profile { get; private init; }

    /// <summary>Builds the index in memory (RAMDirectory) from validated content.</summary>
    public static GuideIndex Build(GuideContent content, AnalysisProfile profile)
    {
        var synonyms = new SynonymExpander(content.Synonyms);
        var domainWords = synonyms.Words.Concat(content.Entries.SelectMany(e => e.Tags)).Select(TextNormalizer.Normalize);
        var analysis = AnalysisProfiles.Create(profile, domainWords);
        var perField = analysis
            .SelectMany(a => Roles.Select(r => (Field: r.Prefix + a.Suffix, a.Analyzer)))
            .ToDictionary(x => x.Field, x => x.Analyzer);
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new PerFieldAnalyzerWrapper(analysis[0].Analyzer, perField))
        {
            Similarity = new BM25Similarity(),
        };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < content.Entries.Count; i++)
            {
                var entry = content.Entries[i];
                var titleAndTags = TextNormalizer.Normalize(entry.Title + " " + string.Join(' ', entry.Tags));
                titleAndTags += " " + synonyms.Expand(titleAndTags);
                var answer = TextNormalizer.Normalize(entry.Answer);
                foreach (var phrasing in entry.Questions.Prepend(entry.Title))
                {
                    var question = TextNormalizer.Normalize(phrasing);
                    var texts = new[] { question + " " + synonyms.Expand(question), titleAndTags, answer };
                    var document = new Document { new StoredField(EntryField, i) };
                    foreach (var a in analysis)
                    {
                        for (var r = 0; r < Roles.Length; r++)
                        {
                            document.Add(new TextField(Roles[r].Prefix + a.Suffix, texts[r], Field.Store.NO));
                        }
                    }

                    writer.AddDocument(document);
                }
            }

            writer.Commit();
        }

        return new GuideIndex(analysis, DirectoryReader.Open(directory), content.Entries) { Profile = profile };
    }

    /// <summary>Ranks the entries for a question; the normalised score divides by the query's ideal score.</summary>
    public RankedMatches Search(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var query = new BooleanQuery(disableCoord: true);
        double selfScore = 0;
        foreach (var a in _analysis)
        {
            foreach (var term in Analyze(a.Analyzer, "q_" + a.Suffix, normalized))
            {
                foreach (var (prefix, boost) in Roles)
                {
                    query.Add(new TermQuery(new Term(prefix + a.Suffix, term)) { Boost = boost }, Occur.SHOULD);
                }

                selfScore += Idf(new Term("q_" + a.Suffix, term));
            }
        }

        if (query.Clauses.Count == 0)
        {
            return RankedMatches.Empty;
        }

        var best = new Dictionary<int, float>();
        foreach (var hit in _searcher.Search(query, MaxDocs).ScoreDocs)
        {
            var entry = _entryOfDoc[hit.Doc];
            if (!best.TryGetValue(entry, out var score) || hit.Score > score)
            {
                best[entry] = hit.Score;
            }
        }

        var ranked = best
            .OrderByDescending(kv => kv.Value)
            .Select(kv => new ScoredEntry(_entries[kv.Key], kv.Value, kv.Value / selfScore))
            .ToList();
        return new RankedMatches(ranked);
    }

    // BM25's idf; a term absent from the guide gets the largest idf, so words the guide never uses
    // (天气, 作业 …) pull the normalised score down.
    private double Idf(Term term)
    {
        var docCount = _reader.MaxDoc;
        var docFreq = _reader.DocFreq(term);
        return Math.Log(1 + ((docCount - docFreq + 0.5) / (docFreq + 0.5)));
    }

    private static HashSet<string> Analyze(Analyzer analyzer, string field, string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
