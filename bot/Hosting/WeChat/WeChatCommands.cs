using System.CommandLine;
using System.Text.Json;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.WeChat.Fake;
using ChatAssistant.Storage;

namespace ChatAssistant.Hosting.WeChat;

/// <summary>Operator commands for the WeChat channel: <c>wechat menu publish [--file path]</c> and <c>wechat fake-api [--port n]</c>.</summary>
public static class WeChatCommands
{
    public const string DefaultMenuFile = "wechat-menu.json";

    /// <summary>
    /// Builds the <c>wechat</c> command. <paramref name="configuration"/> supplies the <c>WeChat:</c> settings;
    /// when null they are read from appsettings.json and environment variables (<c>WeChat__AppId</c>…).
    /// </summary>
    public static Command Create(IConfiguration? configuration = null)
    {
        var file = new Option<FileInfo?>("--file") { Description = $"Menu JSON (default: {DefaultMenuFile} in the current folder, bot/ or beside the program)" };
        var account = new Option<string?>("--account") { Description = "An account of WeChat:Accounts by name (default: the WeChat: account)" };
        var publish = new Command("publish", "Create the account's menu from the menu file (replaces the current menu).") { file, account };
        publish.SetAction((parse, ct) => PublishAsync(parse.GetValue(file), configuration ?? LoadConfiguration(), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct, parse.GetValue(account)));

        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 = any free port)", DefaultValueFactory = _ => 0 };
        var fake = new Command("fake-api", "Run a local fake of the WeChat API for demos; point WeChat:ApiBaseUrl at it.") { port };
        fake.SetAction((parse, ct) => RunFakeAsync(parse.GetValue(port), parse.InvocationConfiguration.Output, ct));

        return new Command("wechat", "WeChat Official Account channel") { new Command("menu", "The account's custom menu") { publish }, fake };
    }

    /// <summary>
    /// Publishes the menu; 0 on success (said on <paramref name="output"/>), 1 when WeChat refused it, the file is
    /// missing or a setting is (said on <paramref name="error"/>, so a script sees failures on standard error).
    /// </summary>
    public static async Task<int> PublishAsync(FileInfo? file, IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken cancellationToken, string? account = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (account is not null && !WeChatServiceCollectionExtensions.ConfiguredAccounts(configuration).Contains(account, StringComparer.Ordinal))
        {
            await error.WriteLineAsync($"No account '{account}' under WeChat:Accounts.").ConfigureAwait(false);
            return 1;
        }
        var path = file?.FullName ?? FindMenuFile();
        if (path is null || !File.Exists(path))
        {
            await error.WriteLineAsync($"Menu file not found: {path ?? DefaultMenuFile}. Use --file <path>.").ConfigureAwait(false);
            return 1;
        }
        JsonElement menu;
        try { menu = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)); }
        catch (JsonException e)
        {
            await error.WriteLineAsync($"{path} is not valid JSON: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        // The access token is shared with a running server through the same store (Redis when configured).
        var services = new ServiceCollection().AddLogging().AddSessionStorage(configuration).AddWeChatApi(configuration);
        if (account is not null)
            services.AddWeChatAccountApi(account, sp => WeChatAccount.Configured(account, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WeChatOptions>>().Value));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        WeChatOptions options;
        try
        {
            options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WeChatOptions>>().Value;
            if (account is not null) options = provider.GetRequiredKeyedService<WeChatAccount>(account).Options;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            foreach (var failure in e.Failures) await error.WriteLineAsync(failure).ConfigureAwait(false);
            return 1;
        }
        if (!options.CanCallApi)
        {
            var section = account is null ? "WeChat:" : $"WeChat:Accounts:{account}:";
            await error.WriteLineAsync($"Set {section}AppId and {section}AppSecret to publish the menu.").ConfigureAwait(false);
            return 1;
        }
        var api = account is null ? provider.GetRequiredService<WeChatApi>() : provider.GetRequiredKeyedService<WeChatApi>(account);
        var result = await api.CreateMenuAsync(menu, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"WeChat refused the menu: {result.ErrCode} {result.ErrMsg}").ConfigureAwait(false);
            return 1;
        }
        await output.WriteLineAsync(account is null ? $"Menu published from {path}." : $"Menu of account '{account}' published from {path}.").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> RunFakeAsync(int port, TextWriter output, CancellationToken cancellationToken)
    {
        await using var fake = await FakeWeChatApi.StartAsync(port, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Fake WeChat API at {fake.BaseAddress} — set WeChat__ApiBaseUrl={fake.BaseAddress}. Ctrl+C stops it.").ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, fake.Stopping);
        try { await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        foreach (var call in fake.Calls) await output.WriteLineAsync($"{call.At:HH:mm:ss} {call.Path} {call.ErrCode} {call.Body}").ConfigureAwait(false);
        return 0;
    }

    private static string? FindMenuFile() => new[]
    {
        Path.Combine(Directory.GetCurrentDirectory(), DefaultMenuFile),
        Path.Combine(Directory.GetCurrentDirectory(), "bot", DefaultMenuFile),
        Path.Combine(AppContext.BaseDirectory, DefaultMenuFile),
    }.FirstOrDefault(File.Exists);

    private static IConfiguration LoadConfiguration() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddJsonFile(Path.Combine("bot", "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();
}
