using System.CommandLine;
using ChatAssistant.Knowledge.Content;
using ChatAssistant.Knowledge.Eval;

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

        var root = new RootCommand("Volunteer guide knowledge base tools") { validate, eval, ask };
        return root.Parse(args).Invoke();
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
            Console.WriteLine($"{question} → {outcome}    [{top}]");
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
