using System.Buffers.Binary;
using System.Text;
using ChatAssistant.Adapters.WeChat;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>Public vectors (PROTOCOL.md V1–V3) and the strictness of decryption (RELIABILITY row 5).</summary>
public sealed class WeChatCryptoTests
{
    // V1 — wechatpy tests (WeCom variant, same algorithm).
    private const string V1Token = "123456";
    private const string V1Key = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    private const string V1Id = "wx49f0ab532d5d035a";
    private const string V1EchoStr = "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==";
    private const string V1Plain = "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>";
    private const string V1Encrypt = "9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3";

    // V3 — Tencent's WXBizMsgCrypt sample.
    private const string V3Token = "QDG6eK";
    private const string V3Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string V3Id = "wx5823bf96d3bd56c7";
    private const string V3Encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
    private const string V3Plain = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>";

    internal static WeChatCipher Cipher(string key, string id) => WeChatCipherKey.TryParse(key, out var k) ? new WeChatCipher(k, id) : throw new ArgumentException(key);

    [Fact]
    public void V1_UrlCheck_SignatureHoldsAndEchoStrDecrypts()
    {
        Assert.True(WeChatSignature.Verify("dd6b9c95b495b3f7e2901bfbc76c664930ffdb96", V1Token, "1411443780", "437374425", V1EchoStr));
        Assert.Equal("5927782489442352469", Cipher(V1Key, V1Id).Decrypt(V1EchoStr));
    }

    [Fact]
    public void V1_UrlCheck_WithAnotherNonce_Fails() =>
        Assert.False(WeChatSignature.Verify("dd6b9c95b495b3f7e2901bfbc76c664930ffdb96", V1Token, "1411443780", "437374424", V1EchoStr));

    [Fact]
    public void V1_EncryptWithFixedRandom_MatchesVectorAndSignature()
    {
        var encrypt = Cipher(V1Key, V1Id).Encrypt(V1Plain, Encoding.ASCII.GetBytes("1234567890123456"));
        Assert.Equal(V1Encrypt, encrypt);
        Assert.Equal("407518b7649e86ef23978113f92d27afa9296533", WeChatSignature.Compute(V1Token, "1411525903", "461056294", encrypt));
    }

    [Fact]
    public void V1_ReplyEnvelope_CarriesEncryptSignatureTimestampNonce()
    {
        var xml = WeChatReplyXml.Encrypted(Cipher(V1Key, V1Id), V1Token, V1Plain, "1411525903", "461056294", Encoding.ASCII.GetBytes("1234567890123456"));
        var fields = WeChatXml.Parse(xml);
        Assert.Equal(V1Encrypt, fields["Encrypt"]);
        Assert.Equal("407518b7649e86ef23978113f92d27afa9296533", fields["MsgSignature"]);
        Assert.Equal("1411525903", fields["TimeStamp"]);
        Assert.Equal("461056294", fields["Nonce"]);
    }

    [Fact]
    public void V2_PlainSignature_Matches()
    {
        Assert.Equal("f21891de399b4e33a1a93c9a7b8a8fffb5a443ff", WeChatSignature.Compute("test", "1410685589", "test"));
        Assert.True(WeChatSignature.Verify("f21891de399b4e33a1a93c9a7b8a8fffb5a443ff", "test", "1410685589", "test"));
        // Only as WeChat writes it: the same bytes in upper case would be a second spelling of one signed query.
        Assert.False(WeChatSignature.Verify("F21891DE399B4E33A1A93C9A7B8A8FFFB5A443FF", "test", "1410685589", "test"));
        Assert.False(WeChatSignature.Verify("f21891de399b4e33a1a93c9a7b8a8fffb5a443fe", "test", "1410685589", "test"));
    }

    [Fact]
    public void V3_OfficialSample_VerifiesAndDecrypts()
    {
        Assert.True(WeChatSignature.Verify("477715d11cdb4164915debcba66cb864d751f3e6", V3Token, "1409659813", "1372623149", V3Encrypt));
        Assert.Equal(V3Plain, Cipher(V3Key, V3Id).Decrypt(V3Encrypt));
    }

    [Fact]
    public void Decrypt_WrongAppId_FailsUniformly() =>
        Assert.Throws<WeChatCryptoException>(() => Cipher(V3Key, "wx5823bf96d3bd56c8").Decrypt(V3Encrypt));

    [Fact]
    public void Decrypt_AppIdPrefixOnly_FailsUniformly() =>
        Assert.Throws<WeChatCryptoException>(() => Cipher(V3Key, "wx5823bf96d3bd56c").Decrypt(V3Encrypt));

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(32)]
    public void Decrypt_ConsistentPadding_IsAccepted(int pad)
    {
        var cipher = Cipher(V3Key, V3Id);
        var message = "hi";
        var plain = Forge(ref message, V3Id, pad, pad);
        Assert.Equal(message, cipher.Decrypt(cipher.EncryptRaw(plain)));
    }

    [Theory]
    [InlineData(0, 0)]      // pad value 0
    [InlineData(33, 33)]    // pad value above the 32-byte block
    [InlineData(17, 16)]    // last byte says 17, one pad byte does not (the "only the last byte is checked" bug)
    [InlineData(32, 31)]
    public void Decrypt_BadPadding_FailsUniformly(int padValue, int otherPadBytes)
    {
        var cipher = Cipher(V3Key, V3Id);
        var message = "hi";
        var plain = Forge(ref message, V3Id, padValue == 33 ? 32 : Math.Max(padValue, 1), padValue, otherPadBytes);
        Assert.Throws<WeChatCryptoException>(() => cipher.Decrypt(cipher.EncryptRaw(plain)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(1_000)]
    public void Decrypt_AbsurdLength_FailsUniformly(int length)
    {
        var cipher = Cipher(V3Key, V3Id);
        var message = "hi";
        var plain = Forge(ref message, V3Id, 16, 16);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), length);
        Assert.Throws<WeChatCryptoException>(() => cipher.Decrypt(cipher.EncryptRaw(plain)));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")] // 16 bytes: not a whole 32-byte block
    public void Decrypt_MalformedCiphertext_FailsUniformly(string encrypted) =>
        Assert.Throws<WeChatCryptoException>(() => Cipher(V3Key, V3Id).Decrypt(encrypted));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tooShort")]
    [InlineData("kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1a!")]
    public void CipherKey_Malformed_IsRefused(string? key) => Assert.False(WeChatCipherKey.TryParse(key, out _));

    /// <summary>
    /// A plaintext random(16) ‖ len ‖ msg ‖ appid followed by <paramref name="padBytes"/> pad bytes: the last one is
    /// <paramref name="lastByte"/>, the others <paramref name="otherBytes"/> (default the same). The message is
    /// lengthened with 'x' so that the whole is a multiple of 32; <paramref name="message"/> returns it.
    /// </summary>
    internal static byte[] Forge(ref string message, string appId, int padBytes, int lastByte, int? otherBytes = null)
    {
        var id = Encoding.UTF8.GetBytes(appId);
        var filler = (64 - (20 + Encoding.UTF8.GetByteCount(message) + id.Length + padBytes) % 32) % 32;
        message += new string('x', filler);
        var msg = Encoding.UTF8.GetBytes(message);
        var plain = new byte[20 + msg.Length + id.Length + padBytes];
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), msg.Length);
        msg.CopyTo(plain, 20);
        id.CopyTo(plain, 20 + msg.Length);
        plain.AsSpan(20 + msg.Length + id.Length).Fill((byte)(otherBytes ?? lastByte));
        plain[^1] = (byte)lastByte;
        return plain;
    }
}
