using System.CommandLine;
using ChatAssistant.Knowledge.Content;
using ChatAssistant.Knowledge.Eval;
using ChatAssistant.Knowledge.Safety;

namespace ChatAssistant.Knowledge;

/// <summary>Knowledge tool entry point: validate the guide content, evaluate retrieval.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var dirOption = new Option<string?>("--dir") { Description = "guide content directory (default: knowledge/guide found from here)" };

        var validate = new Command("validate", "Validate every content file; exit code 1 on errors.") { dirOption };
        validate.SetAction(parse => Validate(parse.GetValue(dirOption) ?? ContentDirectory.Resolve()));

        var fileArgument = new Argument<string>("file") { Description = "evaluation questions (YAML)" };
        var compareOption = new Option<bool>("--compare") { Description = "compare every analysis profile" };
        var calibrateOption = new Option<bool>("--calibrate") { Description = "re-calibrate thresholds on the dev half and use them" };
        var verboseOption = new Option<bool>("--verbose") { Description = "list every miss" };
        var eval = new Command("eval", "Print top-1 accuracy, out-of-scope rejection and confident-and-wrong rate.")
        {
            fileArgument, dirOption, compareOption, calibrateOption, verboseOption,
        };
        eval.SetAction(parse => EvalCommand.Run(
            parse.GetValue(fileArgument)!,
            parse.GetValue(dirOption) ?? ContentDirectory.Resolve(),
            parse.GetValue(compareOption),
            parse.GetValue(calibrateOption),
            parse.GetValue(verboseOption),
            Console.Out));

        var questionArgument = new Argument<string[]>("question") { Description = "one or more questions", Arity = ArgumentArity.OneOrMore };
        var ask = new Command("ask", "Show what the guide answers, with the top scores (for staff checking new phrasings).") { questionArgument, dirOption };
        ask.SetAction(parse => Ask(parse.GetValue(dirOption) ?? ContentDirectory.Resolve(), parse.GetValue(questionArgument)!));

        var root = new RootCommand("Volunteer guide knowledge base tools") { validate, eval, ask, CrisisCommand() };
        return root.Parse(args).Invoke();
    }

    private static Command CrisisCommand()
    {
        var dirOption = new Option<string?>("--dir") { Description = "crisis folder (default: knowledge/crisis found from here)" };
        var fileArgument = new Argument<string>("file") { Description = "labelled messages (YAML: crisis, benign, distress)" };
        var splitOption = new Option<string>("--split") { Description = "test (held-out half), dev, or all (default)", DefaultValueFactory = _ => "all" };
        var calibrateOption = new Option<bool>("--calibrate") { Description = "set the model thresholds from the development half and write them to the lexicon" };
        var alsoOption = new Option<string[]>("--calibrate-also")
        {
            Description = "with --calibrate, whole sets added to the development half (sets already reported once, never the ones kept for measuring)",
            DefaultValueFactory = _ => [],
        };
        var eval = new Command("eval", "Recall per category, false alarms, gentle checks, and every miss.") { fileArgument, dirOption, splitOption, calibrateOption, alsoOption };
        eval.SetAction(parse => CrisisEvalCommand.Run(parse.GetValue(fileArgument)!, parse.GetValue(dirOption) ?? CrisisDirectory.Resolve(),
            parse.GetValue(splitOption)!, parse.GetValue(calibrateOption), Console.Out, parse.GetValue(alsoOption) ?? []));

        var train = new Command("train", "Train the model on crisis-train*.yaml, the lexicon's examples and the guide's phrasings; writes crisis-model.zip.") { dirOption };
        train.SetAction(parse => CrisisTrainCommand.Run(parse.GetValue(dirOption) ?? CrisisDirectory.Resolve(), ContentDirectory.Resolve(), Console.Out));

        var textArgument = new Argument<string[]>("text") { Description = "one or more messages", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", "Show the crisis check's verdict and signal for each message.") { textArgument, dirOption };
        check.SetAction(parse =>
        {
            var classifier = CrisisClassifier.Load(parse.GetValue(dirOption) ?? CrisisDirectory.Resolve());
            foreach (var text in parse.GetValue(textArgument)!)
            {
                var result = classifier.Assess(text);
                Console.WriteLine($"{text} → {result.Level} {result.Category} {result.Signal} (model {result.ModelScore:0.00})");
            }
            return 0;
        });
        return new Command("crisis", "The crisis check: evaluate, train, try a message.") { eval, train, check };
    }

    private static int Ask(string directory, string[] questions)
    {
        var knowledge = KnowledgeBase.Load(directory);
        foreach (var question in questions)
        {
            var result = knowledge.Ask(question);
            var top = string.Join("  ", knowledge.Rank(question).Entries.Take(3).Select(e => $"{e.Entry.Id} {e.Normalized:0.00} ({e.Score:0.0})"));
            var outcome = result switch
            {
                GuideResult.Answer a => $"Answer {a.Entry.Id}",
                GuideResult.Clarify c => $"Clarify {string.Join(" | ", c.Options.Select(o => o.Id))}",
                GuideResult.SmallTalk t => $"SmallTalk \"{t.Reply}\"",
                _ => "NotSure",
            };
            var reading = knowledge.Classify(question);
            var reader = reading is null ? "" : $"  reader {string.Join("  ", reading.Top(3).Select(x => $"{x.Id} {x.Probability:0.00}"))}";
            Console.WriteLine($"{question} → {outcome}    [{top}]{reader}");
        }

        return 0;
    }

    private static int Validate(string directory)
    {
        try
        {
            var knowledge = KnowledgeBase.Load(directory);
            Console.WriteLine($"{directory}: {knowledge.Entries.Count} entries OK");
            return 0;
        }
        catch (GuideContentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
