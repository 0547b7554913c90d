using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>Writes answers to WeChat: <c>success</c>, or a passive text reply in the request's mode (encrypted when it was).</summary>
public sealed class WeChatResponder([FromKeyedServices] WeChatAccount account, TimeProvider time)
{
    internal async Task WriteReplyAsync(HttpResponse response, WeChatInbound inbound, string? text, CancellationToken cancellationToken)
    {
        if (text is null) { await WritePlainAsync(response, "success", 200, cancellationToken).ConfigureAwait(false); return; }
        var fields = inbound.Fields!;
        var now = time.GetUtcNow();
        var reply = WeChatReplyXml.Text(fields["FromUserName"], fields["ToUserName"], now, text);
        if (inbound.Query.Encrypted && account.Cipher is { } cipher)
        {
            var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
            reply = WeChatReplyXml.Encrypted(cipher, account.Token, reply, timestamp, nonce);
        }
        response.StatusCode = 200;
        response.ContentType = "application/xml; charset=utf-8";
        await response.WriteAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    internal async Task WritePlainAsync(HttpResponse response, string? text, int status, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        if (text is null) return;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.XContentTypeOptions = "nosniff";
        await response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
    }
}
