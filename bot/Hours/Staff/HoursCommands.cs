using System.CommandLine;
using ChatAssistant.Hosting;
using ChatAssistant.Hours.Import;
using ChatAssistant.Staff;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Hours.Staff;

/// <summary>Operator commands: import hour records, check the 爱心超市 catalogue file.</summary>
public static class HoursCommands
{
    public static Command Create()
    {
        var hours = new Command("hours", "Volunteer hours and 爱心存折 points: import records, check the catalogue.");
        hours.Subcommands.Add(ImportCommand());
        hours.Subcommands.Add(CatalogueCommand());
        return hours;
    }

    private static Command ImportCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV export (UTF-8): record_id,volunteer_id,activity,organiser,date,start,end,hours — see docs/HOURS.md." };
        var by = new Option<string>("--by") { Description = "Who imports (for the audit log).", DefaultValueFactory = _ => "cli" };
        var command = new Command("import", "Import hour records (all lines or none; bad lines and flagged records are listed).") { file, by };
        command.SetAction((r, _) => Cli.WithServicesAsync(services =>
        {
            var (text, problem) = Utf8Upload.ReadFile(r.GetValue(file)!.FullName);
            if (text is null)
            {
                Console.Error.WriteLine(problem);
                return Task.FromResult(1);
            }
            var result = services.GetRequiredService<HoursImporter>().Import(new StringReader(text), r.GetValue(by)!, scope: ChatAssistant.Staff.StaffScope.Everything);
            if (!result.Ok)
            {
                foreach (var e in result.Errors) Console.Error.WriteLine($"line {e.Line}: {e.Message}");
                Console.Error.WriteLine("Nothing was imported.");
                return Task.FromResult(1);
            }
            foreach (var w in result.Warnings) Console.WriteLine($"line {w.Line}: {w.Message}");
            foreach (var f in result.Flags) Console.WriteLine($"line {f.Line}: {f.RecordId} flagged [{f.Rule}] {f.Reason}");
            Console.WriteLine($"Import {result.ImportId}: {result.Added} added ({result.Flagged} flagged for review), {result.Skipped} already imported.");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command CatalogueCommand()
    {
        var file = new Argument<FileInfo?>("file") { Description = "Catalogue YAML to check (default: the configured Hours:CatalogueFile).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("catalogue", "Check the 爱心超市 catalogue file and list it by point tier.") { file };
        // A file named here is checked as it is; without one the configured file is, and start-up validation
        // already reports it when it is missing or broken.
        command.SetAction((r, _) => r.GetValue(file) is { } named
            ? Task.FromResult(Check(named.FullName))
            : Cli.WithServicesAsync(services => Task.FromResult(Check(services.GetRequiredService<IOptions<HoursOptions>>().Value.CataloguePath))));
        return command;
    }

    private static int Check(string path)
    {
        Catalogue catalogue;
        try { catalogue = Catalogue.Parse(File.ReadAllText(path)); }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{path}: {e.Message}");
            return 1;
        }
        foreach (var tier in catalogue.Tiers())
            Console.WriteLine($"{tier.Key,4} 积分: {string.Join("、", tier.Select(i => $"{i.Name}[{i.Id}]"))}");
        Console.WriteLine($"领取: {catalogue.Pickup.Place} {catalogue.Pickup.Address}");
        if (catalogue.IsExample) Console.WriteLine("Note: the file says 'example: true' — replace the example items before going live.");
        return 0;
    }
}
