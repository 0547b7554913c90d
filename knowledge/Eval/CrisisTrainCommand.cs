using ChatAssistant.Knowledge.Content;
using ChatAssistant.Knowledge.Safety;

namespace ChatAssistant.Knowledge.Eval;

/// <summary>
/// <c>crisis train</c>: trains the model on every knowledge/crisis/crisis-train*.yaml, the lexicon's own reviewed
/// examples (crisis entries' examples as their category, everyday phrases' examples as not a crisis) and the guide's
/// phrasings (questions people ask this assistant: not a crisis), never on the evaluation set; writes
/// crisis-model.zip next to the lexicon. The model is embedded in the program at the next build.
/// </summary>
internal static class CrisisTrainCommand
{
    public static int Run(string directory, string guideDirectory, TextWriter output)
    {
        var lexicon = CrisisLexiconLoader.Load(Path.Combine(directory, CrisisLexiconLoader.FileName));
        var examples = new List<CrisisExample>();
        foreach (var file in Directory.EnumerateFiles(directory, "crisis-train*.yaml").Order(StringComparer.Ordinal))
        {
            var set = CrisisMessageSet.Load(file);
            examples.AddRange(set.Messages.Select(m => new CrisisExample(m.Text, m.Category)));
            output.WriteLine($"{Path.GetFileName(file)}: {set.Crisis.Count()} crisis, {set.Messages.Count - set.Crisis.Count()} not");
        }
        foreach (var entry in lexicon.Entries.Where(e => e.Level == CrisisLevel.Crisis))
            examples.AddRange(entry.Examples.Select(x => new CrisisExample(x, entry.Category)));
        examples.AddRange(lexicon.Negatives.SelectMany(n => n.Examples).Select(x => new CrisisExample(x, null)));
        var guide = GuideLoader.Load(guideDirectory);
        examples.AddRange(guide.Entries.SelectMany(e => e.Questions).Select(q => new CrisisExample(q, null)));
        var model = CrisisTrainer.Train(examples, lexicon, out var schema);
        model.Save(directory, schema);
        output.WriteLine($"Trained on {examples.Count} messages ({examples.Count(e => e.Category is not null)} crisis); wrote {string.Join(", ", CrisisModel.FileNames)} in {directory}");
        return 0;
    }
}
