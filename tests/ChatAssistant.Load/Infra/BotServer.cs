using System.Diagnostics;
using System.Globalization;

namespace ChatAssistant.Load.Infra;

/// <summary>
/// The built assistant (bot/bin/Release/net10.0/ChatAssistant.Bot.dll) as a separate process on 127.0.0.1, so its
/// memory is its own (read from /proc/&lt;pid&gt;/status). The same settings run its CLI for seeding.
/// </summary>
public sealed class BotServer : IAsyncDisposable
{
    private readonly Process _process;

    private BotServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>Runs a CLI sub-command of the bot with <paramref name="settings"/>; returns exit code and output.</summary>
    public static async Task<(int Code, string Output)> RunCliAsync(string dll, IReadOnlyDictionary<string, string> settings, string? stdin, CancellationToken ct, params string[] args)
    {
        var info = Info(dll, settings, args);
        info.RedirectStandardInput = stdin is not null;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output) + (await error));
    }

    public static async Task<BotServer> StartAsync(string dll, IReadOnlyDictionary<string, string> settings, CancellationToken ct, string? logFile = null)
    {
        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = Info(dll, settings, ["--urls", address.ToString().TrimEnd('/')]);
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        // Drain the logs (they would block the child when the pipe fills); keep the tail for errors.
        var tail = new LogTail(logFile is null ? null : new StreamWriter(logFile) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => tail.Add(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 120; i++)
        {
            if (process.HasExited) throw new InvalidOperationException("The bot exited during start-up:\n" + tail);
            try
            {
                using var response = await http.GetAsync("/healthz", ct);
                if (response.IsSuccessStatusCode) return new BotServer(process, address);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(500, ct);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The bot did not answer /healthz within 60 s:\n" + tail);
    }

    /// <summary>Resident set size in MB (VmRSS of /proc/&lt;pid&gt;/status), or null when unreadable.</summary>
    public double? RssMegabytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return double.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        catch (IOException) { }
        return null;
    }

    private static ProcessStartInfo Info(string dll, IReadOnlyDictionary<string, string> settings, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        GeneratorGc.KeepOut(info);
        foreach (var (k, v) in settings) info.Environment[k.Replace(":", "__", StringComparison.Ordinal)] = v;
        return info;
    }

    /// <summary>Kills the server outright (SIGKILL), as a crash or an out-of-memory kill would: no shutdown, nothing flushed.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private sealed class LogTail(StreamWriter? file)
    {
        private readonly Queue<string> _lines = new();

        public void Add(string? line)
        {
            if (line is null) return;
            lock (_lines)
            {
                file?.WriteLine(line);
                _lines.Enqueue(line);
                while (_lines.Count > 40) _lines.Dequeue();
            }
        }

        public override string ToString()
        {
            lock (_lines) return string.Join('\n', _lines);
        }
    }
}
