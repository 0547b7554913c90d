using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ChatAssistant.Adapters.WeChat;

namespace ChatAssistant.Tests.Support.WeChat;

/// <summary>How a request reaches the server: plain, compatible (plain fields + Encrypt) or safe (Encrypt only).</summary>
public enum WeChatMode { Plain, Compatible, Safe }

/// <summary>The signed query of one callback; tests change fields to forge requests.</summary>
public sealed record WeChatSignedQuery(string? Signature, string Timestamp, string Nonce, string? MsgSignature, bool Encrypted)
{
    public string ToQueryString()
    {
        var parts = new List<string> { $"timestamp={Timestamp}", $"nonce={Nonce}" };
        if (Signature is not null) parts.Insert(0, $"signature={Signature}");
        if (Encrypted) parts.Add("encrypt_type=aes");
        if (MsgSignature is not null) parts.Add($"msg_signature={MsgSignature}");
        return "?" + string.Join("&", parts);
    }
}

/// <summary>Builds callbacks the way WeChat signs (and encrypts) them, for tests that post over real HTTP.</summary>
public sealed class WeChatRequestBuilder(string token, string appId, string? encodingAesKey, TimeProvider time)
{
    public const string Path = "/api/wechat";
    private int _nonce = Random.Shared.Next(1_000_000, 9_000_000);

    public WeChatCipher Cipher => WeChatCipherKey.TryParse(encodingAesKey, out var key)
        ? new WeChatCipher(key, appId) : throw new InvalidOperationException("No EncodingAESKey");

    public string NextNonce() => Interlocked.Increment(ref _nonce).ToString(CultureInfo.InvariantCulture);

    public string Now() => time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>A correctly signed query for a body; in encrypted modes <paramref name="encrypt"/> is signed too.</summary>
    public WeChatSignedQuery Sign(string? encrypt, string? timestamp = null, string? nonce = null)
    {
        timestamp ??= Now();
        nonce ??= NextNonce();
        var signature = WeChatSignature.Compute(token, timestamp, nonce);
        return encrypt is null
            ? new WeChatSignedQuery(signature, timestamp, nonce, null, false)
            : new WeChatSignedQuery(signature, timestamp, nonce, WeChatSignature.Compute(token, timestamp, nonce, encrypt), true);
    }

    /// <summary>The body and signed query for <paramref name="xml"/> in <paramref name="mode"/>.</summary>
    public (string Body, WeChatSignedQuery Query) Build(string xml, WeChatMode mode, string? timestamp = null, string? nonce = null)
    {
        if (mode == WeChatMode.Plain) return (xml, Sign(null, timestamp, nonce));
        return Envelope(Cipher.Encrypt(xml), mode == WeChatMode.Compatible ? xml : null, timestamp, nonce);
    }

    /// <summary>An encrypted envelope around an arbitrary (possibly forged) ciphertext, correctly signed.</summary>
    public (string Body, WeChatSignedQuery Query) Envelope(string encrypt, string? compatiblePlainXml = null, string? timestamp = null, string? nonce = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("ToUserName", "gh_test"), new("Encrypt", encrypt) };
        if (compatiblePlainXml is not null)
            foreach (var (k, v) in WeChatXml.Parse(compatiblePlainXml)) if (k != "ToUserName") fields.Add(new(k, v));
        return (WeChatXml.Write(fields), Sign(encrypt, timestamp, nonce));
    }

    public static HttpRequestMessage Post(string body, WeChatSignedQuery query) => Post(body, query.ToQueryString());

    public static HttpRequestMessage Post(string body, string queryString) => new(HttpMethod.Post, Path + queryString)
    {
        Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("text/xml")),
    };

    public HttpRequestMessage Post(string xml, WeChatMode mode)
    {
        var (body, query) = Build(xml, mode);
        return Post(body, query);
    }

    /// <summary>Reads a passive reply in any mode: the inner reply fields (decrypted and signature-checked when encrypted).</summary>
    public IReadOnlyDictionary<string, string> ReadReply(string body)
    {
        var fields = WeChatXml.Parse(body);
        if (!fields.TryGetValue("Encrypt", out var encrypt)) return fields;
        if (!WeChatSignature.Verify(fields["MsgSignature"], token, fields["TimeStamp"], fields["Nonce"], encrypt))
            throw new InvalidOperationException("Reply MsgSignature does not verify");
        return WeChatXml.Parse(Cipher.Decrypt(encrypt));
    }

    public static string Text(string from, string content, long msgId, string to = "gh_test", long? createTime = null) =>
        WeChatXml.Write([new("ToUserName", to), new("FromUserName", from), new("CreateTime", (createTime ?? 1_700_000_000).ToString(CultureInfo.InvariantCulture)),
            new("MsgType", "text"), new("Content", content), new("MsgId", msgId.ToString(CultureInfo.InvariantCulture))]);
}
