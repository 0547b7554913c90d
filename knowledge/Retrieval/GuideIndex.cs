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
/// each with a question field and a context field (title, tags, answer) per analyzer. Searching is thread-safe.
/// </summary>
internal sealed class GuideIndex
{
    private const int MaxDocs = 60;
    private const string EntryField = "entry";

    // Matching a phrasing counts most; the entry's title, tags and answer (one context field) help to break
    // ties. A separate answer field measured no better and cost a third more clauses per query.
    private static readonly (string Prefix, float Boost)[] Roles = [("q_", 1.0f), ("c_", 0.5f)];

    private readonly IReadOnlyList<FieldAnalysis> _analysis;
    private readonly IndexSearcher _searcher;

    internal IndexSearcher Searcher => _searcher;
    private readonly IndexReader _reader;
    private readonly Dictionary<string, Dictionary<string, (Term Term, TermContext Context)>> _vocabulary;
    private readonly int[] _entryOfDoc;
    private readonly IReadOnlyList<GuideEntry> _entries;

    private GuideIndex(IReadOnlyList<FieldAnalysis> analysis, IndexReader reader, IReadOnlyList<GuideEntry> entries)
    {
        _analysis = analysis;
        _reader = reader;
        _entries = entries;
        _searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        _vocabulary = LoadVocabulary(reader, analysis);
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
                var context = titleAndTags + " " + synonyms.Expand(titleAndTags) + " " + TextNormalizer.Normalize(entry.Answer);
                foreach (var phrasing in entry.Questions.Prepend(entry.Title))
                {
                    var question = TextNormalizer.Normalize(phrasing);
                    var texts = new[] { question + " " + synonyms.Expand(question), context };
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

            // One segment: every query then touches a single leaf.
            writer.ForceMerge(1);
            writer.Commit();
        }

        return new GuideIndex(analysis, DirectoryReader.Open(directory), content.Entries) { Profile = profile };
    }

    /// <summary>Ranks the entries for a question; the normalised score divides by the query's ideal score.</summary>
    public RankedMatches Search(string text)
    {
        var (query, selfScore) = BuildQuery(text);
        if (query.Clauses.Count == 0)
        {
            return RankedMatches.Empty;
        }

        // In-order collection makes Lucene score with BooleanScorer2 (a heap over the few matching clauses)
        // instead of BooleanScorer, whose bucket table allocates 2,048 buckets on every search: ~100 KB per
        // question, most of a guide answer's garbage (load test, docs/PERFORMANCE.md). Scores are the same sums.
        var collector = TopScoreDocCollector.Create(MaxDocs, docsScoredInOrder: true);
        _searcher.Search(query, collector);
        var best = new Dictionary<int, float>();
        foreach (var hit in collector.GetTopDocs().ScoreDocs)
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

    /// <summary>The query for a text, and its self-score: the idf sum of its question-field terms.</summary>
    internal (BooleanQuery Query, double SelfScore) BuildQuery(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var query = new BooleanQuery(disableCoord: true);
        double selfScore = 0;
        foreach (var a in _analysis)
        {
            foreach (var word in Analyze(a.Analyzer, "q_" + a.Suffix, normalized))
            {
                var docFreq = 0;
                foreach (var (prefix, boost) in Roles)
                {
                    // Only terms the guide uses become clauses, with their dictionary lookup done at build time.
                    if (_vocabulary[prefix + a.Suffix].TryGetValue(word, out var known))
                    {
                        query.Add(new TermQuery(known.Term, known.Context) { Boost = boost }, Occur.SHOULD);
                        docFreq = prefix == "q_" ? known.Context.DocFreq : docFreq;
                    }
                }

                selfScore += Idf(docFreq);
            }
        }

        return (query, selfScore);
    }

    // BM25's idf; a term absent from the guide gets the largest idf, so words the guide never uses
    // (天气, 作业 …) pull the normalised score down.
    private double Idf(int docFreq) => Math.Log(1 + ((_reader.MaxDoc - docFreq + 0.5) / (docFreq + 0.5)));

    private static Dictionary<string, Dictionary<string, (Term, TermContext)>> LoadVocabulary(IndexReader reader, IReadOnlyList<FieldAnalysis> analysis)
    {
        var vocabulary = new Dictionary<string, Dictionary<string, (Term, TermContext)>>(StringComparer.Ordinal);
        foreach (var field in analysis.SelectMany(a => Roles.Select(r => r.Prefix + a.Suffix)))
        {
            var terms = new Dictionary<string, (Term, TermContext)>(StringComparer.Ordinal);
            var enumerator = MultiFields.GetTerms(reader, field)?.GetEnumerator();
            while (enumerator is not null && enumerator.MoveNext())
            {
                var term = new Term(field, BytesRef.DeepCopyOf(enumerator.Term));
                terms[term.Text] = (term, TermContext.Build(reader.Context, term));
            }

            vocabulary[field] = terms;
        }

        return vocabulary;
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
