using System.Diagnostics;

namespace ChatAssistant.Load.Infra;

/// <summary>
/// The generator's own garbage collector. Latency is counted from each request's planned send time, so every
/// pause of the generator is charged to the server: requests due in it go out late and replies wait to be read.
/// With the runtime's default gen0 budget the generator's workstation GC collected ~4 times a second at 2,000
/// requests/s and paused it 18–22 ms a second, up to 51 ms in one second (docs/PERFORMANCE.md, step 28). A
/// 128 MB budget cuts that to ~2.5 ms a second. The runtime reads the budget only from the environment before it
/// starts (<c>System.GC.Gen0Size</c> in the runtimeconfig is ignored), so the generator starts itself again
/// with <c>DOTNET_GCgen0size</c> set; the processes it launches (the server, the CLI) do not inherit it.
/// </summary>
public static class GeneratorGc
{
    public const string Variable = "DOTNET_GCgen0size";
    public const string Budget = "0x8000000";

    /// <summary>True when this process was started without the budget (then <see cref="RunAgainAsync"/>).</summary>
    public static bool NeedsRestart => Environment.GetEnvironmentVariable(Variable) is null;

    /// <summary>Runs this generator again with the budget, on the same console, and returns its exit code.</summary>
    public static async Task<int> RunAgainAsync(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        info.ArgumentList.Add(typeof(GeneratorGc).Assembly.Location);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment[Variable] = Budget;
        using var child = Process.Start(info) ?? throw new InvalidOperationException("could not start the load generator again");
        // Ctrl+C reaches both processes; this one just waits for the child to finish its cleanup.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    /// <summary>Keeps the generator's budget out of a process it launches (unless the caller sets it again).</summary>
    public static void KeepOut(ProcessStartInfo info) => info.Environment.Remove(Variable);
}
