using System.CommandLine;
using System.Text;
using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Console;
using ChatAssistant.Hosting.WeChat;
using ChatAssistant.Hours.Staff;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Hosting;

/// <summary>
/// The command line: no arguments serves; sub-commands chat in the terminal and administer the assistant.
/// <c>dotnet run --project bot -- --help</c> lists them all.
/// </summary>
public static class Cli
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Host arguments such as --urls go straight to the server.
        if (args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not "--help" and not "--version"))
            return await ServeAsync(args);

        var root = new RootCommand("团团小助手 ChatAssistant — 共青团公众号智能助手。Without a sub-command it serves (same as 'serve').");
        var serve = new Command("serve", "Serve the WeChat callback, the staff API and /healthz (the default).") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction((result, _) => ServeAsync(result.UnmatchedTokens.ToArray()));
        root.Subcommands.Add(serve);
        root.Subcommands.Add(ChatCommand());
        root.Subcommands.Add(StaffCommands.Create());
        root.Subcommands.Add(IdentityCommands.Create());
        root.Subcommands.Add(HoursCommands.Create());
        root.Subcommands.Add(WeChatCommands.Create());
        root.Subcommands.Add(StaffPhone.WeComCommands.Create());
        root.Subcommands.Add(Conversation.Routing.RouteCommands.Create());
        root.Subcommands.Add(Storage.RecordsCommands.Create());
        root.Subcommands.Add(Guide.Editing.GuideCommands.Create());
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>Builds the host for a sub-command, validates settings, runs <paramref name="action"/> and disposes it.</summary>
    public static async Task<int> WithServicesAsync(Func<IServiceProvider, Task<int>> action, bool quiet = false)
    {
        try
        {
            // Sub-commands print their own output; only warnings and errors of the services show.
            await using var app = AppHost.Build([], builder => builder.Logging.SetMinimumLevel(quiet ? LogLevel.Warning : LogLevel.Information));
            app.Services.ValidateOptions();
            return await action(app.Services);
        }
        catch (Exception e) when (IsStartFailure(e))
        {
            return ReportStartFailure(e);
        }
    }

    private static T? Unwrap<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }

    private static async Task<int> ServeAsync(string[] args)
    {
        try
        {
            await using var app = AppHost.Build(args);
            // Settings and the records file are checked before the host starts: a wrong one then stops the start-up
            // with our message alone (the host would log its own stack trace first), and before any hosted
            // service has written to the records file.
            app.Services.ValidateOptions();
            _ = app.Services.GetRequiredService<LiteDB.ILiteDatabase>();
            // With Records:Provider=postgres: reachable, and its schema migrated to this version (or newer: refused).
            if (Storage.RecordsRegistration.UsesPostgres(app.Services)) _ = app.Services.GetRequiredService<Storage.Postgres.PostgresRecords>();
            Guide.GuideWarmup.Check(app.Services);
            _ = app.Services.GetRequiredService<Disputes.AccountAreas>(); // an account's unknown county stops the start-up
            _ = app.Services.GetRequiredService<Hours.CatalogueLibrary>(); // an account's broken catalogue stops the start-up
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (IsStartFailure(e))
        {
            return ReportStartFailure(e);
        }
    }

    // Why the assistant could not start, for the server and every sub-command alike: the records file is open in
    // another process (exit code 3), or a setting is wrong or the records file unusable (exit code 2). Anything
    // else is a bug and stays thrown.
    private static bool IsStartFailure(Exception e) =>
        Unwrap<Storage.RecordsDatabaseInUseException>(e) is not null
        || Unwrap<Storage.RecordsDatabaseUnavailableException>(e) is not null
        || IsConfigurationError(e);

    private static int ReportStartFailure(Exception e)
    {
        if (Unwrap<Storage.RecordsDatabaseUnavailableException>(e) is { } unavailable) return ReportConfigurationError(unavailable);
        if (Unwrap<Storage.RecordsDatabaseInUseException>(e) is not { } inUse) return ReportConfigurationError(e);
        Console.Error.WriteLine(inUse.Message);
        return 3;
    }

    private static Command ChatCommand()
    {
        var user = new Option<string>("--user") { Description = "The user id to chat as (default: console-user).", DefaultValueFactory = _ => "console-user" };
        var chat = new Command("chat", "Chat with the assistant in this terminal (same bot and stores; 'exit' leaves).") { user };
        chat.SetAction((result, ct) => WithServicesAsync(async services =>
        {
            Console.InputEncoding = Encoding.UTF8;
            Console.OutputEncoding = Encoding.UTF8;
            var adapter = new ConsoleAdapter(services.GetRequiredService<IBotPipeline>(), Console.In, Console.Out);
            await adapter.RunAsync(services.GetRequiredService<IBot>(), result.GetValue(user)!, ct);
            return 0;
        }, quiet: true));
        return chat;
    }

    private static bool IsConfigurationError(Exception e) =>
        e is OptionsValidationException or Knowledge.Content.GuideContentException || IsMalformedSetting(e);

    // A value that cannot be read as its setting's type (a TimeSpan written "half an hour"): the configuration binder
    // raises a plain InvalidOperationException naming the setting, told from any other by the binder having thrown it.
    private static bool IsMalformedSetting(Exception e) =>
        e is InvalidOperationException { TargetSite.DeclaringType: { } thrower }
        && (thrower == typeof(ConfigurationBinder) || thrower.DeclaringType == typeof(ConfigurationBinder));

    private static int ReportConfigurationError(Exception e)
    {
        Console.Error.WriteLine("Configuration error — the assistant did not start:");
        if (e is OptionsValidationException validation)
            foreach (var failure in validation.Failures) Console.Error.WriteLine("  " + failure);
        else
            Console.Error.WriteLine("  " + e.Message);
        return 2;
    }
}
