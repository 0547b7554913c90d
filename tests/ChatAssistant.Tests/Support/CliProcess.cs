using System.Diagnostics;

namespace ChatAssistant.Tests.Support;

/// <summary>Runs the built assistant's command line (`dotnet ChatAssistant.Bot.dll ARGS`) on a data directory, as an operator would.</summary>
public static class CliProcess
{
    public static Task<(int Code, string StdOut, string StdErr)> RunAsync(string dataDirectory, params string[] args) =>
        RunAsync(dataDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs in <paramref name="dataDirectory"/> with extra <paramref name="environment"/> variables (they win over the data folder's).</summary>
    public static async Task<(int Code, string StdOut, string StdErr)> RunAsync(string dataDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "ChatAssistant.Bot.dll");
        var start = new ProcessStartInfo("dotnet", [bot, .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = dataDirectory,
        };
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true); // a server that started instead of stopping must not outlive the test
            Assert.Fail("the command should finish");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
