using System.CommandLine;
using System.Text;
using ChatAssistant.Hosting;

namespace ChatAssistant.Identity;

/// <summary>Operator commands: roster import and binding codes.</summary>
public static class IdentityCommands
{
    public static Command Create()
    {
        var roster = new Command("roster", "Manage the delegate and volunteer rosters and their binding codes.");

        var kind = new Option<string>("--kind") { Description = "delegate or volunteer.", Required = true };
        var file = new Argument<FileInfo>("file") { Description = "CSV with header id,name,district,phone (UTF-8)." };
        var import = new Command("import", "Import a roster CSV (all lines or none; bad lines are listed).") { kind, file };
        import.SetAction((r, _) => Cli.WithServicesAsync(services =>
        {
            if (!IdentityRegistration.TryKind(r.GetValue(kind)!, out var k)) return Task.FromResult(Fail("--kind must be delegate or volunteer"));
            using var reader = new StreamReader(r.GetValue(file)!.FullName, Encoding.UTF8);
            var result = services.GetRequiredService<IdentityService>().Import(k, reader);
            if (!result.Ok)
            {
                foreach (var e in result.Errors) Console.Error.WriteLine($"line {e.Line}: {e.Message}");
                Console.Error.WriteLine("Nothing was imported.");
                return Task.FromResult(1);
            }
            Console.WriteLine($"Imported: {result.Added} added, {result.Updated} updated.");
            return Task.FromResult(0);
        }));

        var kind2 = new Option<string>("--kind") { Description = "delegate or volunteer.", Required = true };
        var member = new Argument<string>("member-id");
        var code = new Command("code", "Issue a one-time binding code for a person on a roster (valid 72 hours).") { kind2, member };
        code.SetAction((r, _) => Cli.WithServicesAsync(services =>
        {
            if (!IdentityRegistration.TryKind(r.GetValue(kind2)!, out var k)) return Task.FromResult(Fail("--kind must be delegate or volunteer"));
            try
            {
                var issued = services.GetRequiredService<IdentityService>().IssueCode(k, r.GetValue(member)!);
                Console.WriteLine($"{issued.Code}  (expires {issued.ExpiresAt:yyyy-MM-dd HH:mm} UTC)");
                return Task.FromResult(0);
            }
            catch (ArgumentException e)
            {
                return Task.FromResult(Fail(e.Message));
            }
        }));

        roster.Subcommands.Add(import);
        roster.Subcommands.Add(code);
        return roster;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
