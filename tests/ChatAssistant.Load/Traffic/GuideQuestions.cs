using System.Text.RegularExpressions;

namespace ChatAssistant.Load.Traffic;

/// <summary>The in-scope questions of knowledge/eval/questions.yaml: what volunteers really type.</summary>
public static partial class GuideQuestions
{
    public static IReadOnlyList<string> Load(string path)
    {
        var inScope = File.ReadAllText(path).Split("out_of_scope:")[0];
        var questions = Question().Matches(inScope).Select(m => m.Groups[1].Value).ToList();
        return questions.Count > 0 ? questions : throw new InvalidOperationException($"No questions in {path}");
    }

    // Lines like `  - {q: "志愿汇要怎么注册啊求教", id: vol-register}`; the knowledge project's EvalSet reads the same
    // file with YamlDotNet, but that would pull the whole knowledge project into the generator for one list.
    [GeneratedRegex("""\{q:\s*"([^"]+)"\s*,""")]
    private static partial Regex Question();
}
