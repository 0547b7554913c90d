using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using ChatAssistant.Adapters.WeChat;

namespace ChatAssistant.Benchmarks;

/// <summary>
/// What the adapter does with one safe-mode (AES) text message before a turn runs: check <c>signature</c> and
/// <c>msg_signature</c>, parse the envelope, decrypt, parse the inner XML and map it to an activity — the same
/// calls in the same order as WeChatRequestVerifier and WeChatCallbackHandler.
/// </summary>
[MemoryDiagnoser]
public class WeChatInboundBenchmark
{
    private const string Token = "benchtoken";
    private const string AppId = "wx0123456789bench";
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private WeChatCipher _cipher = null!;
    private byte[] _body = [];
    private string _timestamp = "", _nonce = "", _signature = "", _msgSignature = "";

    [GlobalSetup]
    public void Setup()
    {
        if (!WeChatCipherKey.TryParse(AesKey, out var key)) throw new InvalidOperationException("bad key");
        _cipher = new WeChatCipher(key, AppId);
        var inner = WeChatXml.Write(
        [
            new("ToUserName", "gh_bench"), new("FromUserName", "oBenchUser0001"), new("CreateTime", "1700000000"),
            new("MsgType", "text"), new("Content", "志愿汇怎么注册？我想参加周末的活动"), new("MsgId", "1234567890123456"),
        ]);
        var encrypt = _cipher.Encrypt(inner);
        _body = Encoding.UTF8.GetBytes(WeChatXml.Write([new("ToUserName", "gh_bench"), new("Encrypt", encrypt)]));
        _timestamp = "1700000000";
        _nonce = "123456789";
        _signature = WeChatSignature.Compute(Token, _timestamp, _nonce);
        _msgSignature = WeChatSignature.Compute(Token, _timestamp, _nonce, encrypt);
        if (VerifyDecryptMap() is null) throw new InvalidOperationException("the message did not map");
    }

    [Benchmark]
    public object? VerifyDecryptMap()
    {
        if (!WeChatSignature.Verify(_signature, Token, _timestamp, _nonce)) return null;
        var envelope = WeChatXml.Parse(_body);
        var encrypt = envelope["Encrypt"];
        if (!WeChatSignature.Verify(_msgSignature, Token, _timestamp, _nonce, encrypt)) return null;
        var fields = WeChatXml.Parse(_cipher.Decrypt(encrypt));
        return WeChatMapper.ToAction(fields, DateTimeOffset.FromUnixTimeSeconds(long.Parse(_timestamp, CultureInfo.InvariantCulture)));
    }
}
