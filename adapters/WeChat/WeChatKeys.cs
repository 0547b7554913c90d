using System.Security.Cryptography;
using System.Text;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>Names of the short-lived keys the channel keeps in <c>IKeyValueCache</c>. OpenIDs are hashed, never stored in clear in key names.</summary>
internal static class WeChatKeys
{
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 12));

    public static string Replay(string timestamp, string nonce, string signature) => $"wechat:replay:{Hash(timestamp + "|" + nonce + "|" + signature)}";
    public static string Dedupe(string dedupeId) => $"wechat:dedupe:{Hash(dedupeId)}";
    public static string Reply(string dedupeId) => $"wechat:reply:{Hash(dedupeId)}";
    public static string MessageWindow(string openId) => $"wechat:window:msg:{Hash(openId)}";
    public static string EventWindow(string openId) => $"wechat:window:evt:{Hash(openId)}";
    public static string Token(string appId) => $"wechat:token:{appId}";
    public static string TokenRefused(string appId) => $"wechat:token-refused:{appId}";
    public static string TokenLock(string appId) => $"wechat:token-refresh:{appId}";
}
