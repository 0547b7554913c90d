using ChatAssistant.Knowledge.Content;
using ChatAssistant.Knowledge.Eval;
using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Tests.Knowledge;

/// <summary>
/// <see cref="GuideIndex.Search"/> sums per-term BM25 scores computed at build time instead of running a Lucene
/// query; for every evaluation question it must rank the entries as Lucene's own search of the same query does.
/// </summary>
public sealed class GuideIndexScoringTests
{
    [Fact]
    public void Summed_scores_rank_every_evaluation_question_as_lucene_does()
    {
        var index = GuideIndex.Build(GuideLoader.Load(GuideFiles.RepositoryGuide), AnalysisProfile.CjkUniBigram);
        var set = EvalSet.Load(GuideFiles.EvalQuestions);
        var questions = set.InScope.Select(q => q.Text).Concat(set.OutOfScope.Select(q => q.Text)).ToList();
        Assert.True(questions.Count > 200);

        foreach (var question in questions)
        {
            var (query, _) = index.BuildQuery(question);
            var lucene = LuceneRanking(index, query);
            var summed = index.Search(question).Entries.Select(e => (e.Entry.Id, e.Score)).ToList();

            Assert.Equal(lucene.Count, summed.Count);
            for (var i = 0; i < lucene.Count; i++)
            {
                Assert.Equal(lucene[i].Score, summed[i].Score, 0.0001 * Math.Max(1, lucene[i].Score));
                // Entries with the same score may come in either order; otherwise the order is Lucene's.
                if (i + 1 < lucene.Count && Math.Abs(lucene[i].Score - lucene[i + 1].Score) > 0.0001)
                    Assert.Equal(lucene[i].Id, summed[i].Id);
            }
        }
    }

    private static List<(string Id, double Score)> LuceneRanking(GuideIndex index, Lucene.Net.Search.BooleanQuery query)
    {
        if (query.Clauses.Count == 0) return [];
        var best = new Dictionary<string, double>();
        foreach (var hit in index.Searcher.Search(query, 60).ScoreDocs)
        {
            var id = index.EntryOf(hit.Doc).Id;
            if (!best.TryGetValue(id, out var score) || hit.Score > score) best[id] = hit.Score;
        }
        return best.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value)).ToList();
    }
}
