using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatAssistant.Knowledge.Content;

/// <summary>Loads and validates every content file of a guide directory; collects all errors, then throws once.</summary>
internal static class GuideLoader
{
    public const string SmallTalkFile = "smalltalk.yaml";
    public const string SynonymsFile = "synonyms.yaml";

    /// <summary>The overlay file that hides base entries: top-level <c>hide:</c>, a list of entry ids.</summary>
    public const string HideFile = "hide.yaml";

    /// <summary>Files of user questions filed under entries: <c>examples*.yaml</c>, top-level <c>examples:</c>.</summary>
    public const string ExamplesPrefix = "examples";

    /// <summary>Files of messages the guide does not cover: <c>not-covered*.yaml</c>, top-level <c>not_covered:</c>.</summary>
    public const string NotCoveredPrefix = "not-covered";
    public const int MinimumQuestions = 5;

    private static readonly HashSet<string> EntryKeys = ["id", "title", "questions", "answer", "tags", "source"];
    private static readonly HashSet<string> SmallTalkKeys = ["id", "patterns", "replies"];
    private static readonly HashSet<string> ExampleKeys = ["q", "id", "persona"];
    private static readonly HashSet<string> NotCoveredKeys = ["q", "persona"];

    /// <summary>
    /// Loads <paramref name="directory"/> and, when given, an account's <paramref name="overlay"/> over it: an overlay
    /// entry with a base entry's id replaces it, a new id adds an entry, <see cref="HideFile"/> lists base ids to leave
    /// out, overlay small talk replaces the base's of the same id and overlay synonyms add to the base's. Throws
    /// <see cref="GuideContentException"/> naming every bad file and entry of either (overlay files as "overlay/NAME").
    /// </summary>
    public static GuideContent Load(string directory, string? overlay) => Load(directory, overlay, GuideChanges.None);

    /// <summary>
    /// As <see cref="Load(string, string?)"/>, with the console's published <paramref name="changes"/> applied to the
    /// directory's entries before the overlay. A changed entry that breaks a rule (<see cref="GuideEntryRules"/>) is an
    /// error of the file "console"; retiring an id the files do not have (an entry written in the console) is allowed.
    /// </summary>
    public static GuideContent Load(string directory, string? overlay, GuideChanges changes) => Load(Load(directory), overlay, changes);

    /// <summary>As above, over the directory's <paramref name="files"/> already loaded.</summary>
    public static GuideContent Load(GuideContent files, string? overlay, GuideChanges changes)
    {
        var content = Apply(files, changes);
        if (overlay is null) return content;
        var errors = new List<GuideContentError>();
        var hidden = new List<(string Id, long Line)>();
        var own = Read(overlay, "overlay/", errors, hideFile: hidden);
        var byId = content.Entries.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var (id, line) in hidden)
            if (!byId.ContainsKey(id))
                errors.Add(new GuideContentError("overlay/" + HideFile, id, line, $"hides '{id}', which the base guide does not have"));
        if (errors.Count > 0) throw new GuideContentException(errors);

        var hide = hidden.Select(h => h.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var replaced = own.Entries.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        var entries = content.Entries.Where(e => !hide.Contains(e.Id)).Select(e => replaced.Remove(e.Id, out var mine) ? mine : e)
            .Concat(own.Entries.Where(e => replaced.ContainsKey(e.Id))).ToList();
        var smallTalkIds = own.SmallTalk.Select(t => t.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = entries.Select(e => e.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var examples = content.Examples.Concat(own.Examples).Where(x => kept.Contains(x.EntryId)).ToList();
        CheckExamples(own, entries, errors);
        if (errors.Count > 0) throw new GuideContentException(errors);
        return new GuideContent(
            entries,
            [.. content.SmallTalk.Where(t => !smallTalkIds.Contains(t.Id)), .. own.SmallTalk],
            [.. content.Synonyms, .. own.Synonyms],
            examples) { NotCovered = [.. content.NotCovered, .. own.NotCovered] };
    }

    // Entries replaced or added by id, retired ones left out with the examples filed under them.
    private static GuideContent Apply(GuideContent content, GuideChanges changes)
    {
        if (changes.Entries.Count == 0 && changes.Retired.Count == 0) return content;
        var errors = new List<GuideContentError>();
        foreach (var entry in changes.Entries)
            foreach (var problem in GuideEntryRules.Problems(entry))
                errors.Add(new GuideContentError(GuideChanges.File, entry.Id, null, problem));
        if (errors.Count > 0) throw new GuideContentException(errors);

        var retired = changes.Retired.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var changed = changes.Entries.Where(e => !retired.Contains(e.Id)).ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        var entries = content.Entries.Where(e => !retired.Contains(e.Id)).Select(e => changed.Remove(e.Id, out var now) ? now : e)
            .Concat(changes.Entries.Where(e => changed.ContainsKey(e.Id))).ToList();
        return content with
        {
            Entries = entries,
            Examples = content.Examples.Where(x => !retired.Contains(x.EntryId)).ToList(),
        };
    }

    /// <summary>Loads the directory or throws <see cref="GuideContentException"/> naming every bad file and entry.</summary>
    public static GuideContent Load(string directory)
    {
        var errors = new List<GuideContentError>();
        var content = Read(directory, "", errors, hideFile: null);
        if (content.Entries.Count == 0 && errors.Count == 0)
        {
            errors.Add(new GuideContentError(directory, null, null, "no guide entries found (*.yaml with 'entries:')"));
        }

        CheckExamples(content, content.Entries, errors);

        return errors.Count > 0 ? throw new GuideContentException(errors) : content;
    }

    // Every file of one directory; an overlay (hideFile not null) may have no entries and may hide some.
    private static GuideContent Read(string directory, string label, List<GuideContentError> errors, List<(string Id, long Line)>? hideFile)
    {
        if (!Directory.Exists(directory))
        {
            throw new GuideContentException([new GuideContentError(directory, null, null, "content directory not found")]);
        }

        var entries = new List<GuideEntry>();
        var smallTalk = new List<SmallTalkIntent>();
        var synonyms = new List<IReadOnlyList<string>>();
        var examples = new List<GuideExample>();
        var notCovered = new List<string>();
        var idOwners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var name = label + Path.GetFileName(path);
            var root = ReadRoot(path, name, errors);
            if (root is null)
            {
                continue;
            }

            switch (Path.GetFileName(path).ToLowerInvariant())
            {
                case HideFile when hideFile is not null:
                    ReadList(root, "hide", name, errors, item =>
                    {
                        if (item is YamlScalarNode { Value: { Length: > 0 } id }) hideFile.Add((id.Trim(), item.Start.Line));
                        else errors.Add(new GuideContentError(name, null, item.Start.Line, "each item of 'hide' must be an entry id"));
                    });
                    break;
                case SmallTalkFile:
                    ReadList(root, "smalltalk", name, errors, item => ReadSmallTalk(item, name, errors, smallTalk));
                    break;
                case SynonymsFile:
                    ReadList(root, "synonyms", name, errors, item => ReadSynonymGroup(item, name, errors, synonyms));
                    break;
                case var file when file.StartsWith(ExamplesPrefix, StringComparison.Ordinal):
                    ReadList(root, "examples", name, errors, item => ReadExample(item, name, errors, examples));
                    break;
                case var file when file.StartsWith(NotCoveredPrefix, StringComparison.Ordinal):
                    ReadList(root, "not_covered", name, errors, item =>
                    {
                        if (item is YamlMappingNode mapping) notCovered.Add(new YamlFields(mapping, name, errors, NotCoveredKeys).RequiredString("q"));
                        else errors.Add(new GuideContentError(name, null, item.Start.Line, "each item of 'not_covered' must be a mapping with q"));
                    });
                    break;
                default:
                    ReadList(root, "entries", name, errors, item => ReadEntry(item, name, errors, entries, idOwners));
                    break;
            }
        }

        return new GuideContent(entries, smallTalk, synonyms, examples) { NotCovered = notCovered };
    }

    private static YamlMappingNode? ReadRoot(string path, string name, List<GuideContentError> errors)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            errors.Add(new GuideContentError(name, null, e.Start.Line, $"YAML syntax error: {message}"));
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 16 reports some unterminated constructs (e.g. "[a, b" at end of file) this way, without a position.
            errors.Add(new GuideContentError(name, null, null, $"YAML syntax error (unterminated list or quote?): {e.Message}"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new GuideContentError(name, null, null, "file is empty or not a YAML mapping"));
            return null;
        }

        return root;
    }

    private static void ReadList(YamlMappingNode root, string key, string file, List<GuideContentError> errors, Action<YamlNode> read)
    {
        foreach (var other in root.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value != key))
        {
            errors.Add(new GuideContentError(file, null, other.Start.Line, $"unknown top-level key '{other.Value}' (expected '{key}')"));
        }

        if (!root.Children.TryGetValue(key, out var list) || list is not YamlSequenceNode sequence)
        {
            errors.Add(new GuideContentError(file, null, root.Start.Line, $"expected a top-level list '{key}:'"));
            return;
        }

        foreach (var item in sequence.Children)
        {
            read(item);
        }
    }

    private static void ReadEntry(YamlNode node, string file, List<GuideContentError> errors, List<GuideEntry> entries, Dictionary<string, string> idOwners)
    {
        if (node is not YamlMappingNode mapping)
        {
            errors.Add(new GuideContentError(file, null, node.Start.Line, "each entry must be a mapping with id, title, questions, answer, tags, source"));
            return;
        }

        var before = errors.Count;
        var fields = new YamlFields(mapping, file, errors, EntryKeys);
        var id = fields.RequiredString("id");
        var entry = new GuideEntry(
            id,
            fields.RequiredString("title"),
            fields.RequiredList("questions", MinimumQuestions),
            fields.RequiredString("answer"),
            fields.RequiredList("tags", 1),
            fields.RequiredString("source"),
            file);
        if (entry.Questions.Distinct(StringComparer.OrdinalIgnoreCase).Count() != entry.Questions.Count)
        {
            fields.Error(mapping, "questions contain duplicates");
        }

        if (id.Length > 0 && !idOwners.TryAdd(id, file))
        {
            fields.Error(mapping, $"duplicate id '{id}' (already defined in {idOwners[id]})");
        }

        if (errors.Count == before)
        {
            entries.Add(entry);
        }
    }

    private static void ReadSmallTalk(YamlNode node, string file, List<GuideContentError> errors, List<SmallTalkIntent> intents)
    {
        if (node is not YamlMappingNode mapping)
        {
            errors.Add(new GuideContentError(file, null, node.Start.Line, "each small-talk item must be a mapping with id, patterns, replies"));
            return;
        }

        var fields = new YamlFields(mapping, file, errors, SmallTalkKeys);
        intents.Add(new SmallTalkIntent(fields.RequiredString("id"), fields.RequiredList("patterns", 1), fields.RequiredList("replies", 1)));
    }

    private static void ReadExample(YamlNode node, string file, List<GuideContentError> errors, List<GuideExample> examples)
    {
        if (node is not YamlMappingNode mapping)
        {
            errors.Add(new GuideContentError(file, null, node.Start.Line, "each example must be a mapping with q and id"));
            return;
        }

        var before = errors.Count;
        var fields = new YamlFields(mapping, file, errors, ExampleKeys);
        var example = new GuideExample(fields.RequiredString("id"), fields.RequiredString("q"), file, node.Start.Line);
        if (errors.Count == before) examples.Add(example);
    }

    // An example filed under an entry this guide does not have teaches nothing and hides a typo: each one is named.
    private static void CheckExamples(GuideContent content, IReadOnlyList<GuideEntry> entries, List<GuideContentError> errors)
    {
        var ids = entries.Select(e => e.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var x in content.Examples.Where(x => !ids.Contains(x.EntryId)))
            errors.Add(new GuideContentError(x.File, x.EntryId, x.Line, $"example '{x.Question}' is filed under '{x.EntryId}', which the guide does not have"));
    }

    private static void ReadSynonymGroup(YamlNode node, string file, List<GuideContentError> errors, List<IReadOnlyList<string>> groups)
    {
        var words = node is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").Where(s => s.Length > 0).ToList()
            : [];
        if (words.Count < 2)
        {
            errors.Add(new GuideContentError(file, null, node.Start.Line, "each synonym group must be a list of at least 2 words"));
            return;
        }

        groups.Add(words);
    }
}
