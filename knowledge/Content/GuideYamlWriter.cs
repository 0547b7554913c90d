using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatAssistant.Knowledge.Content;

/// <summary>
/// Writes guide entries as a content file in the shape the loader reads and people edit (id, title, questions, a folded
/// answer, tags in a line, source), so an export of the console's changes can be reviewed as a diff in git and read back.
/// </summary>
public static class GuideYamlWriter
{
    /// <summary>Writes <paramref name="entries"/> to <paramref name="path"/>, after <paramref name="header"/>'s comment lines.</summary>
    public static void Write(string path, IEnumerable<string> header, IEnumerable<GuideEntry> entries)
    {
        var list = new YamlSequenceNode();
        foreach (var e in entries)
        {
            list.Add(new YamlMappingNode
            {
                { "id", e.Id },
                { "title", e.Title },
                { "questions", new YamlSequenceNode(e.Questions.Select(q => new YamlScalarNode(q))) },
                { "answer", new YamlScalarNode(e.Answer) { Style = e.Answer.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal : ScalarStyle.Folded } },
                { "tags", new YamlSequenceNode(e.Tags.Select(t => new YamlScalarNode(t))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow } },
                { "source", e.Source },
            });
        }
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        foreach (var line in header) writer.WriteLine(line);
        new YamlStream(new YamlDocument(new YamlMappingNode { { "entries", list } })).Save(writer, assignAnchors: false);
    }

    /// <summary>The comment lines a content file starts with (kept when it is written again).</summary>
    public static IReadOnlyList<string> Header(string path) =>
        File.Exists(path) ? File.ReadLines(path).TakeWhile(l => l.StartsWith('#')).ToList() : [];

    /// <summary>The entries of a guide directory's files, validated (throws <see cref="GuideContentException"/> naming every error).</summary>
    public static IReadOnlyList<GuideEntry> ReadEntries(string directory) => GuideLoader.Load(directory).Entries;
}
