using System.CommandLine;
using ChatAssistant.Audit;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Hosting;
using ChatAssistant.Staff;

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
            var (text, problem) = Utf8Upload.ReadFile(r.GetValue(file)!.FullName);
            if (text is null) return Task.FromResult(Fail(problem!));
            var result = services.GetRequiredService<IdentityService>().Import(k, new StringReader(text));
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
                var expires = services.GetRequiredService<AssistantClock>().ToLocal(issued.ExpiresAt);
                Console.WriteLine($"{issued.Code}  (expires {expires:yyyy-MM-dd HH:mm} Beijing time; earlier unused codes of this person no longer work)");
                return Task.FromResult(0);
            }
            catch (ArgumentException e)
            {
                return Task.FromResult(Fail(e.Message));
            }
        }));

        roster.Subcommands.Add(import);
        roster.Subcommands.Add(code);
        roster.Subcommands.Add(UnbindCommand());
        return roster;
    }

    private static Command UnbindCommand()
    {
        var kind = new Option<string>("--kind") { Description = "delegate or volunteer.", Required = true };
        var member = new Argument<string>("member-id");
        var unbind = new Command("unbind", "Remove the WeChat binding of a person (e.g. a new phone/account); they then bind again with a code.") { kind, member };
        unbind.SetAction((r, _) => Cli.WithServicesAsync(services =>
        {
            if (!IdentityRegistration.TryKind(r.GetValue(kind)!, out var k)) return Task.FromResult(Fail("--kind must be delegate or volunteer"));
            var id = r.GetValue(member)!;
            var identity = services.GetRequiredService<IdentityService>();
            if (identity.FindByMemberId(k, id) is null) return Task.FromResult(Fail(IdentityTexts.MemberNotFound));
            if (!identity.Unbind(k, id)) return Task.FromResult(Fail(IdentityTexts.NothingToUnbind));
            services.GetRequiredService<AuditLog>().Record("operator:cli", IdentityRegistration.UnbindAction, IdentityRegistration.Subject(k, id));
            Console.WriteLine($"Unbound {id}.");
            return Task.FromResult(0);
        }));
        return unbind;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
