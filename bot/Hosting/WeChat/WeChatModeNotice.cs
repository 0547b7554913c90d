using ChatAssistant.Adapters.WeChat;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Hosting.WeChat;

/// <summary>
/// Says at start-up which forms of message the channel takes (<c>WeChat:Mode</c>), and warns when a plain account
/// has an EncodingAESKey it does not use: after an upgrade, this line is where an operator sees that an account
/// with a key is now taken as safe (the default) and must match what WeChat's side is set to.
/// </summary>
internal sealed class WeChatModeNotice(IOptions<WeChatOptions> options, ILogger<WeChatModeNotice> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled) return Task.CompletedTask;
        var mode = o.AccountMode.Word();
        if (o.ModeIsSet) log.LogInformation("WeChat channel: account mode {Mode} (WeChat:Mode)", mode);
        else log.LogInformation("WeChat channel: account mode {Mode} (WeChat:Mode not set: {Why})", mode,
            o.HasEncodingAESKey ? "safe because WeChat:EncodingAESKey is set" : "plain because no WeChat:EncodingAESKey is set");
        if (o.AccountMode == WeChatAccountMode.Plain && o.HasEncodingAESKey)
            log.LogWarning("WeChat:Mode is plain but WeChat:EncodingAESKey is set: the key is not used, and encrypted messages are refused. If the account is set to 兼容 or 安全 on WeChat's side, set WeChat:Mode to compatible or safe.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
