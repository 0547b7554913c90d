using System.Globalization;
using System.Text;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Support.WeCom;

/// <summary>
/// Callbacks as WeCom sends them to <c>/api/wecom</c>: the inner XML encrypted with the CorpID as receive id, signed with
/// <c>msg_signature</c> only (no <c>signature</c>, no <c>encrypt_type</c>), over real HTTP.
/// </summary>
public sealed class WeComCallbacks(HttpClient client, string token, string corpId, string aesKey, TimeProvider time)
{
    public const string Path = "/api/wecom";
    private static long s_msgId = 70_000_000;
    private int _nonce = Random.Shared.Next(1_000_000, 9_000_000);
    private readonly WeChatRequestBuilder _crypto = new(token, corpId, aesKey, time);

    public string NextNonce() => Interlocked.Increment(ref _nonce).ToString(CultureInfo.InvariantCulture);

    /// <summary>The body and query of <paramref name="innerXml"/>, signed at <paramref name="timestamp"/> (now by default).</summary>
    public (string Body, string Query) Sign(string innerXml, string? timestamp = null, string? nonce = null)
    {
        timestamp ??= time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        nonce ??= NextNonce();
        var encrypt = _crypto.Cipher.Encrypt(innerXml);
        var body = WeChatXml.Write([new("ToUserName", corpId), new("AgentID", "1000002"), new("Encrypt", encrypt)]);
        return (body, $"?msg_signature={WeChatSignature.Compute(token, timestamp, nonce, encrypt)}&timestamp={timestamp}&nonce={nonce}");
    }

    public async Task<(int Status, string Body)> PostAsync(string body, string query)
    {
        using var response = await client.PostAsync(Path + query, new StringContent(body, Encoding.UTF8, "text/xml"));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts <paramref name="innerXml"/> signed now; returns the status and the passive reply's text ("" for success).</summary>
    public async Task<(int Status, string Reply)> SendAsync(string innerXml)
    {
        var (body, query) = Sign(innerXml);
        var (status, answer) = await PostAsync(body, query);
        return (status, ReplyText(answer));
    }

    /// <summary>The text of an encrypted passive reply (its MsgSignature checked), or "" for <c>success</c>.</summary>
    public string ReplyText(string answer) => answer is "" or "success" || !answer.StartsWith('<') ? "" : _crypto.ReadReply(answer)["Content"];

    public string Text(string from, string content) => WeChatXml.Write([
        new("ToUserName", corpId), new("FromUserName", from), new("CreateTime", Now()), new("MsgType", "text"),
        new("Content", content), new("MsgId", Interlocked.Increment(ref s_msgId).ToString(CultureInfo.InvariantCulture)), new("AgentID", "1000002")]);

    public string Image(string from) => WeChatXml.Write([
        new("ToUserName", corpId), new("FromUserName", from), new("CreateTime", Now()), new("MsgType", "image"),
        new("PicUrl", "http://example.invalid/p.jpg"), new("MediaId", "m1"), new("MsgId", Interlocked.Increment(ref s_msgId).ToString(CultureInfo.InvariantCulture)), new("AgentID", "1000002")]);

    /// <summary>A press of a template card's button, as WeCom reports it.</summary>
    public string ButtonPress(string from, string eventKey, string taskId, string responseCode) => WeChatXml.Write([
        new("ToUserName", corpId), new("FromUserName", from), new("CreateTime", Now()), new("MsgType", "event"),
        new("Event", "template_card_event"), new("EventKey", eventKey), new("TaskId", taskId), new("CardType", "button_interaction"),
        new("ResponseCode", responseCode), new("AgentID", "1000002")]);

    private string Now() => time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
