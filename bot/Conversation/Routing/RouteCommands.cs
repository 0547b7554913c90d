using System.CommandLine;
using System.Globalization;
using System.Text;
using ChatAssistant.Hosting;
using ChatAssistant.Knowledge;

namespace ChatAssistant.Conversation.Routing;

/// <summary>
/// <c>route</c>: which route a message takes and why (for staff checking a phrasing, and for the routing cases of an
/// evaluation file). It reads no records: who the user is comes from <c>--as</c>, so it runs beside the server.
/// </summary>
public static class RouteCommands
{
    public static Command Create()
    {
        var who = new Option<string>("--as") { Description = "Who sends it: unbound (default), volunteer, delegate or both (bound to both rosters).", DefaultValueFactory = _ => "unbound" };
        var text = new Argument<string[]>("message") { Description = "One or more messages.", Arity = ArgumentArity.OneOrMore };
        var route = new Command("route", "Show which route a message takes (command, menu number, request, a delegate's time, or the guide) and why.") { who, text };
        route.SetAction((r, _) => Cli.WithServicesAsync(services =>
        {
            Console.OutputEncoding = Encoding.UTF8;
            var roles = RolesOf(r.GetValue(who)!);
            foreach (var message in r.GetValue(text)!) Console.WriteLine(Explain(services, message, roles));
            return Task.FromResult(0);
        }, quiet: true));

        var file = new Argument<FileInfo>("file") { Description = "Evaluation file with routing: cases (q, who, expect), e.g. knowledge/eval/guide-independent.yaml." };
        var verbose = new Option<bool>("--verbose") { Description = "List the development half's misses (never the held-out half's)." };
        var eval = new Command("eval", "Route the file's routing cases; print the share routed right on the dev half, the held-out half and all.") { file, verbose };
        eval.SetAction((r, _) =>
        {
            var path = Locate(r.GetValue(file)!);
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"{path}: no such file");
                return Task.FromResult(1);
            }
            return Cli.WithServicesAsync(services => Task.FromResult(Evaluate(services, path, r.GetValue(verbose))), quiet: true);
        });
        route.Subcommands.Add(eval);
        return route;
    }

    private static int Evaluate(IServiceProvider services, string path, bool verbose)
    {
        {
            Console.OutputEncoding = Encoding.UTF8;
            var router = services.GetRequiredService<MessageRouter>();
            var cases = RoutingCases.Load(path);
            foreach (var (name, half) in new[] { ("dev", cases.Where(c => c.IsDev).ToList()), ("held-out", cases.Where(c => !c.IsDev).ToList()), ("all", cases.ToList()) })
            {
                var right = half.Count(c => c.IsMetBy(router.Decide(c.Text, c.Roles)));
                Console.WriteLine($"[{name}] routed right {right}/{half.Count} ({(half.Count == 0 ? 0 : (double)right / half.Count).ToString("P1", CultureInfo.InvariantCulture)})");
            }
            if (verbose)
                foreach (var c in cases.Where(c => c.IsDev))
                    if (router.Decide(c.Text, c.Roles) is var decided && !c.IsMetBy(decided))
                        Console.WriteLine($"  [dev] {c.Text} ({c.Who}) → expected {c.Expect}, got {decided.Kind} {decided.Intent?.Id}: {decided.Why}");
            return 0;
        }
    }

    /// <summary>The decision for <paramref name="message"/> from a user of <paramref name="roles"/>, in a few lines.</summary>
    public static string Explain(IServiceProvider services, string message, UserRoles roles)
    {
        var router = services.GetRequiredService<MessageRouter>();
        var decided = router.Decide(message, roles);
        var lines = new StringBuilder();
        lines.AppendLine($"「{message}」 from {(roles == UserRoles.None ? "an unbound user" : "a bound " + roles.ToString().ToLowerInvariant())}");
        lines.AppendLine($"  route: {decided.Kind.ToString().ToLowerInvariant()}{(decided.Intent is { } i ? " → " + i.Id : "")} — {decided.Why}");
        if (decided.Kind == RouteKind.Guide)
        {
            var result = services.GetRequiredService<GuideLibrary>().Shared.Ask(message);
            lines.AppendLine("  guide: " + result switch
            {
                GuideResult.Answer a => $"answers with {a.Entry.Id} ({a.Entry.Title})",
                GuideResult.Clarify c => $"asks which: {string.Join(" | ", c.Options.Select(o => o.Id))}",
                GuideResult.SmallTalk => "small talk",
                _ => "not sure (offers a person)",
            });
            if (result is GuideResult.Answer answer)
                lines.AppendLine("  then:  " + (services.GetRequiredService<FeatureOffers>().After(answer.Entry, roles) ?? "the footer (no feature to offer, or the answer already says which reply to send)"));
        }
        var match = services.GetRequiredService<IntentRouter>().Match(message);
        lines.Append("  in a running flow: " + (match is null || !match.Intent.Interrupts
            ? "the flow reads it as its answer"
            : match.IsStrong ? $"another request ({match.Intent.Id}) before the flow reads it" : $"the flow reads it first; if it is no answer, another request ({match.Intent.Id})"));
        return lines.ToString();
    }

    // `dotnet run --project bot` runs in bot/: a path relative to the repository (knowledge/eval/…) is found from there too.
    private static string Locate(FileInfo file)
    {
        if (file.Exists || Path.IsPathRooted(file.ToString())) return file.FullName;
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, file.ToString());
            if (File.Exists(candidate)) return candidate;
        }
        return file.FullName;
    }

    private static UserRoles RolesOf(string who) => who.ToLowerInvariant() switch
    {
        "volunteer" => UserRoles.Volunteer,
        "delegate" => UserRoles.Delegate,
        "both" => UserRoles.Volunteer | UserRoles.Delegate,
        _ => UserRoles.None,
    };
}
