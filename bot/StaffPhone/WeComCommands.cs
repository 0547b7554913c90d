using System.CommandLine;
using ChatAssistant.Adapters.WeCom.Fake;

namespace ChatAssistant.StaffPhone;

/// <summary>Operator commands for the WeCom app: <c>wecom fake-api [--port n]</c>.</summary>
public static class WeComCommands
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 = any free port)", DefaultValueFactory = _ => 0 };
        var fake = new Command("fake-api", "Run a local fake of the WeCom API (gettoken, message/send, update_template_card) for demos; point WeCom:ApiBaseUrl at it.") { port };
        fake.SetAction((parse, ct) => RunFakeAsync(parse.GetValue(port), parse.InvocationConfiguration.Output, ct));
        return new Command("wecom", "WeCom (企业微信) app for staff phones") { fake };
    }

    private static async Task<int> RunFakeAsync(int port, TextWriter output, CancellationToken cancellationToken)
    {
        await using var fake = await FakeWeComApi.StartAsync(port, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Fake WeCom API at {fake.BaseAddress} — set WeCom__ApiBaseUrl={fake.BaseAddress}. Ctrl+C stops it.").ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, fake.Stopping);
        try { await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        foreach (var call in fake.Calls) await output.WriteLineAsync($"{call.At:HH:mm:ss} {call.Path} {call.ErrCode} {call.Body}").ConfigureAwait(false);
        return 0;
    }
}
