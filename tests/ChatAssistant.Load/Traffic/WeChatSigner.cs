using System.Globalization;
using System.Text;
using ChatAssistant.Adapters.WeChat;

namespace ChatAssistant.Load.Traffic;

/// <summary>
/// Signs (and in safe mode encrypts) callbacks exactly as WeChat does, with the adapter's own
/// <see cref="WeChatSignature"/>, <see cref="WeChatCipher"/> and <see cref="WeChatXml"/> — the approach of the
/// tests' WeChatRequestBuilder. Nonces and MsgIds are unique per run.
/// </summary>
public sealed class WeChatSigner(string token, string appId, string encodingAesKey, bool safeMode)
{
    private readonly WeChatCipher? _cipher = safeMode && WeChatCipherKey.TryParse(encodingAesKey, out var key) ? new WeChatCipher(key, appId) : null;
    private long _nonce = Random.Shared.NextInt64(1_000_000, 9_000_000);
    private long _msgId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    public bool SafeMode => _cipher is not null;

    public long NextMsgId() => Interlocked.Increment(ref _msgId);

    public static string Text(string from, string content, long msgId) => WeChatXml.Write(
    [
        new("ToUserName", "gh_load"), new("FromUserName", from), new("CreateTime", Now()),
        new("MsgType", "text"), new("Content", content), new("MsgId", msgId.ToString(CultureInfo.InvariantCulture)),
    ]);

    // CreateTime makes an event unique for the adapter's dedupe (events have no MsgId): see SimUser.NextClickSecond.
    public static string Click(string from, string key, long createTime) => WeChatXml.Write(
    [
        new("ToUserName", "gh_load"), new("FromUserName", from), new("CreateTime", createTime.ToString(CultureInfo.InvariantCulture)),
        new("MsgType", "event"), new("Event", "CLICK"), new("EventKey", key),
    ]);

    /// <summary>A POST to <paramref name="path"/> with the signed query and the (encrypted) body.</summary>
    public HttpRequestMessage Post(string path, string xml)
    {
        var timestamp = Now();
        var nonce = Interlocked.Increment(ref _nonce).ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(token, timestamp, nonce);
        string body, query;
        if (_cipher is null)
        {
            body = xml;
            query = $"?signature={signature}&timestamp={timestamp}&nonce={nonce}";
        }
        else
        {
            var encrypt = _cipher.Encrypt(xml);
            body = WeChatXml.Write([new("ToUserName", "gh_load"), new("Encrypt", encrypt)]);
            var msgSignature = WeChatSignature.Compute(token, timestamp, nonce, encrypt);
            query = $"?signature={signature}&timestamp={timestamp}&nonce={nonce}&encrypt_type=aes&msg_signature={msgSignature}";
        }
        return new HttpRequestMessage(HttpMethod.Post, path + query) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
    }

    /// <summary>The text of a passive reply (decrypted in safe mode); null for "success" or an empty body.</summary>
    public string? ReplyText(string body)
    {
        if (body.Length == 0 || body == "success") return null;
        var fields = WeChatXml.Parse(body);
        if (fields.TryGetValue("Encrypt", out var encrypt) && _cipher is not null) fields = WeChatXml.Parse(_cipher.Decrypt(encrypt));
        return fields.TryGetValue("Content", out var content) ? content : "";
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
