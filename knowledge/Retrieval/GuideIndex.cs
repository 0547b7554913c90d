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
    private readonly Dictionary<string, Dictionary<string, Postings>> _vocabulary;
    private readonly int[] _entryOfDoc;
    private readonly IReadOnlyList<GuideEntry> _entries;
    private readonly SynonymExpander _synonyms;

    private GuideIndex(IReadOnlyList<FieldAnalysis> analysis, IndexReader reader, IReadOnlyList<GuideEntry> entries, SynonymExpander synonyms)
    {
        _analysis = analysis;
        _synonyms = synonyms;
        _reader = reader;
        _entries = entries;
        _searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        _vocabulary = LoadVocabulary(reader, _searcher, analysis);
        _entryOfDoc = new int[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            _entryOfDoc[doc] = reader.Document(doc).GetField(EntryField).GetInt32Value() ?? -1;
        }
    }

    public AnalysisProfile Profile { get; private init; }

    /// <summary>The guide entry a Lucene document (one phrasing) belongs to.</summary>
    internal GuideEntry EntryOf(int doc) => _entries[_entryOfDoc[doc]];

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

        return new GuideIndex(analysis, DirectoryReader.Open(directory), content.Entries, synonyms) { Profile = profile };
    }

    /// <summary>Ranks the entries for a question; the normalised score divides by the query's ideal score.</summary>
    public RankedMatches Search(string text)
    {
        var (clauses, selfScore) = Clauses(text);
        if (clauses.Count == 0)
        {
            return RankedMatches.Empty;
        }

        // The query is a disjunction of term clauses without coord, and BM25 ignores the query norm, so a
        // document's score is the sum over the clauses it matches of boost × the term's own BM25 score, which
        // Lucene computed for every document when the index was built (see Postings). Summing those here gives
        // Lucene's ranking without building scorers: a Lucene search allocated ~114 KB per question (term enums
        // and postings buffers for each of its 40–80 clauses) and took ~200 µs (docs/PERFORMANCE.md).
        // Beside it, each document's score from the query's content terms alone (not question filler).
        var scores = new float[_reader.MaxDoc];
        var content = new float[_reader.MaxDoc];
        var matched = new List<int>();
        foreach (var clause in clauses)
        {
            var postings = clause.Postings;
            for (var i = 0; i < postings.Docs.Length; i++)
            {
                var doc = postings.Docs[i];
                if (scores[doc] == 0)
                {
                    matched.Add(doc);
                }

                scores[doc] += clause.Boost * postings.Scores[i];
                if (!clause.Filler)
                {
                    content[doc] += clause.Boost * postings.Scores[i];
                }
            }
        }

        // As Lucene's top-N collector: best score first, the lower document first on a tie, at most MaxDocs.
        matched.Sort((a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        var best = new Dictionary<int, int>();
        foreach (var doc in matched.Take(MaxDocs))
        {
            var entry = _entryOfDoc[doc];
            if (!best.TryGetValue(entry, out var bestDoc) || scores[doc] > scores[bestDoc])
            {
                best[entry] = doc;
            }
        }

        var ranked = best
            .OrderByDescending(kv => scores[kv.Value])
            .Select(kv => new ScoredEntry(_entries[kv.Key], scores[kv.Value], scores[kv.Value] / selfScore) { Content = content[kv.Value] / selfScore })
            .ToList();
        return new RankedMatches(ranked);
    }

    /// <summary>The query as Lucene would run it (for tests and diagnosis): the same clauses as <see cref="Search"/> sums.</summary>
    internal (BooleanQuery Query, double SelfScore) BuildQuery(string text)
    {
        var query = new BooleanQuery(disableCoord: true);
        var (clauses, selfScore) = Clauses(text);
        foreach (var clause in clauses)
        {
            query.Add(new TermQuery(clause.Postings.Term, clause.Postings.Context) { Boost = clause.Boost }, Occur.SHOULD);
        }

        return (query, selfScore);
    }

    /// <summary>
    /// The clauses for a text (terms the guide uses, with their role boost; a term only inside question filler at
    /// <see cref="FillerWeight"/> of it), and the query's self-score: the idf sum of its question-field terms, filler
    /// terms weighted alike.
    /// </summary>
    private (List<Clause> Clauses, double SelfScore) Clauses(string text)
    {
        var normalized = _synonyms.Translate(TextNormalizer.Normalize(text));
        var filler = QuestionFiller.Mask(normalized);
        var clauses = new List<Clause>();
        double selfScore = 0;
        foreach (var a in _analysis)
        {
            foreach (var (word, isFiller) in Analyze(a.Analyzer, "q_" + a.Suffix, normalized, filler))
            {
                var weight = isFiller ? FillerWeight : 1f;
                var docFreq = 0;
                foreach (var (prefix, boost) in Roles)
                {
                    // Only terms the guide uses become clauses, with their postings scored at build time.
                    if (_vocabulary[prefix + a.Suffix].TryGetValue(word, out var known))
                    {
                        clauses.Add(new Clause(known, boost * weight, isFiller));
                        docFreq = prefix == "q_" ? known.Context.DocFreq : docFreq;
                    }
                }

                selfScore += weight * Idf(docFreq);
            }
        }

        return (clauses, selfScore);
    }

    /// <summary>
    /// How much a query term inside question filler (怎么, 什么, 吗…) counts: a little, since 「三联三促是什么」 and
    /// 「三联三促怎么做」 differ by them, but not enough for them alone to make a match (chosen on the dev half).
    /// </summary>
    internal const float FillerWeight = 0.25f;


    private sealed record Clause(Postings Postings, float Boost, bool Filler);

    // BM25's idf; a term absent from the guide gets the largest idf, so words the guide never uses
    // (天气, 作业 …) pull the normalised score down.
    private double Idf(int docFreq) => Math.Log(1 + ((_reader.MaxDoc - docFreq + 0.5) / (docFreq + 0.5)));

    private static Dictionary<string, Dictionary<string, Postings>> LoadVocabulary(IndexReader reader, IndexSearcher searcher, IReadOnlyList<FieldAnalysis> analysis)
    {
        var vocabulary = new Dictionary<string, Dictionary<string, Postings>>(StringComparer.Ordinal);
        foreach (var field in analysis.SelectMany(a => Roles.Select(r => r.Prefix + a.Suffix)))
        {
            var terms = new Dictionary<string, Postings>(StringComparer.Ordinal);
            var enumerator = MultiFields.GetTerms(reader, field)?.GetEnumerator();
            while (enumerator is not null && enumerator.MoveNext())
            {
                var term = new Term(field, BytesRef.DeepCopyOf(enumerator.Term));
                var context = TermContext.Build(reader.Context, term);
                terms[term.Text] = Score(reader, searcher, term, context);
            }

            vocabulary[field] = terms;
        }

        return vocabulary;
    }

    // Lucene's own BM25 score of the term in every document that has it, at boost 1: the term query's scorer walked
    // over the postings (a top-N search per term would allocate a hit queue of the whole index for each of them).
    private static Postings Score(IndexReader reader, IndexSearcher searcher, Term term, TermContext context)
    {
        var weight = searcher.CreateNormalizedWeight(new TermQuery(term, context));
        var docs = new List<int>();
        var scores = new List<float>();
        foreach (var leaf in reader.Leaves)
        {
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }

            for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                docs.Add(leaf.DocBase + doc);
                scores.Add(scorer.GetScore());
            }
        }

        return new Postings(term, context, [.. docs], [.. scores]);
    }

    /// <summary>A term of the guide, its Lucene context, and its BM25 score (boost 1) in each document that has it.</summary>
    private sealed record Postings(Term Term, TermContext Context, int[] Docs, float[] Scores);

    // The distinct terms of a text, each marked as filler when every occurrence of it lies inside question filler.
    private static Dictionary<string, bool> Analyze(Analyzer analyzer, string field, string text, bool[] filler)
    {
        var terms = new Dictionary<string, bool>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            var isFiller = QuestionFiller.Covers(filler, offset.StartOffset, offset.EndOffset);
            terms[word] = terms.TryGetValue(word, out var before) ? before && isFiller : isFiller;
        }

        stream.End();
        return terms;
    }
}
