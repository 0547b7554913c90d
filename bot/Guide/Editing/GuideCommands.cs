using System.CommandLine;
using System.Text;
using ChatAssistant.Audit;
using ChatAssistant.Hosting;
using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Content;

namespace ChatAssistant.Guide.Editing;

/// <summary>
/// <c>knowledge export</c> and <c>knowledge import</c>: the guide as served (content files with the console's published
/// changes) written out as a content folder to review in git, and a reviewed folder read back, each entry that differs
/// published (audited <c>guide.imported</c>; live on every instance within <c>Guide:PublishedCheckInterval</c>).
/// </summary>
public static class GuideCommands
{
    public const string Actor = "operator:cli";

    public static Command Create()
    {
        var knowledge = new Command("knowledge", "The volunteer guide's content: export it with the console's changes, import a reviewed copy.");
        var to = new Option<DirectoryInfo>("--to") { Description = "The folder to write (made if missing; its YAML files are replaced).", Required = true };
        var export = new Command("export", "Write the guide as served (content files plus changes published in the console) as a content folder.") { to };
        export.SetAction((r, _) => Cli.WithServicesAsync(services =>
        {
            Console.OutputEncoding = Encoding.UTF8;
            var written = Export(services.GetRequiredService<GuideLibrary>().Shared, r.GetValue(to)!.FullName);
            Console.WriteLine($"Exported {services.GetRequiredService<GuideLibrary>().Shared.Entries.Count} entries to {r.GetValue(to)!.FullName}; " +
                (written.Count == 0 ? "no file differs from the content folder." : $"rewritten with the console's changes: {string.Join(", ", written)}."));
            return Task.FromResult(0);
        }, quiet: true));

        var from = new Option<DirectoryInfo>("--from") { Description = "A content folder (e.g. an export, reviewed and edited).", Required = true };
        var import = new Command("import", "Publish every entry of a content folder that differs from the one served (others are left as they are).") { from };
        import.SetAction((r, _) => Cli.WithServicesAsync(services =>
        {
            Console.OutputEncoding = Encoding.UTF8;
            IReadOnlyList<GuideEntry> entries;
            try
            {
                entries = GuideYamlWriter.ReadEntries(r.GetValue(from)!.FullName);
            }
            catch (GuideContentException e)
            {
                Console.Error.WriteLine("The folder's content has errors; nothing was imported:");
                foreach (var error in e.Errors) Console.Error.WriteLine("  " + error);
                return Task.FromResult(2);
            }
            var (published, problems) = services.GetRequiredService<GuideEditor>().Import(entries, Actor);
            if (problems.Count > 0)
            {
                Console.Error.WriteLine("The guide would not load with these entries; nothing was imported:");
                foreach (var problem in problems) Console.Error.WriteLine("  " + problem);
                return Task.FromResult(2);
            }
            Console.WriteLine(published.Count == 0
                ? $"All {entries.Count} entries are as served; nothing to publish."
                : $"Published {published.Count} of {entries.Count} entries: {string.Join(", ", published.Select(p => p.EntryId))}.");
            return Task.FromResult(0);
        }, quiet: true));

        knowledge.Subcommands.Add(export);
        knowledge.Subcommands.Add(import);
        return knowledge;
    }

    /// <summary>
    /// Copies the content folder of <paramref name="guide"/> to <paramref name="directory"/> and rewrites the entry files
    /// the console changed (retired entries left out, new ones in <see cref="GuideEditor.NewEntriesFile"/>); returns those files.
    /// </summary>
    public static IReadOnlyList<string> Export(KnowledgeBase guide, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(guide.Directory).Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);

        var files = guide.FileEntries();
        var served = guide.Entries.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        var inFiles = files.Select(e => e.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fresh = guide.Entries.Where(e => !inFiles.Contains(e.Id)).ToList();
        var byFile = files.GroupBy(e => e.File).ToDictionary(g => g.Key, g => g.ToList());
        if (fresh.Count > 0) byFile.TryAdd(GuideEditor.NewEntriesFile, []);
        var written = new List<string>();
        foreach (var (file, original) in byFile)
        {
            var now = original.Select(e => served.GetValueOrDefault(e.Id)).OfType<GuideEntry>().ToList();
            if (file == GuideEditor.NewEntriesFile) now.AddRange(fresh);
            if (now.Count == original.Count && now.Zip(original).All(p => GuideEntryText.Same(p.First, p.Second))) continue;
            var header = GuideYamlWriter.Header(Path.Combine(guide.Directory, file));
            GuideYamlWriter.Write(Path.Combine(directory, file), header.Count > 0 ? header : ["# 在工作台新写的指南条目（knowledge export 导出）。"], now);
            written.Add(file);
        }
        return written;
    }
}
