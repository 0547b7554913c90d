using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatAssistant.Adapters.Coordination;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>Names of the short-lived keys the channel keeps in <c>IKeyValueCache</c>. OpenIDs are hashed, never stored in clear in key names.</summary>
internal static class WeChatKeys
{
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 12));

    // Every message leaves a replay, a dedupe and a reply key for minutes. Each kind is grouped by a second (the signed
    // timestamp, or the message's CreateTime, which all of WeChat's tries share) so that a store can keep one record
    // per second instead of one key per message (CacheKey; docs/PERFORMANCE.md, step 33).

    /// <summary>
    /// A signed query's replay key: the signature alone, grouped by its timestamp (already checked to be a Unix time
    /// inside the window), so every key of a group expires at the same moment. The signature is the signed text's
    /// one name: it is only accepted as 40 lower-case hex digits (<see cref="WeChatSignature.Verify"/>), and two queries
    /// that split the same text differently between nonce and timestamp ("00" + "T", "0" + "0T") have it in common —
    /// a key with the nonce in it would call them two. The group is named by the number, so "0042" and "42" share it
    /// (a re-split that kept the query valid cannot change the number: a digit added or dropped leaves the window).
    /// </summary>
    public static CacheKey Replay(string timestamp, string signature) =>
        new(Hash(signature),
            "wechat:replay:" + (long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s.ToString(CultureInfo.InvariantCulture) : timestamp));

    /// <summary>A message's dedupe key, grouped by <paramref name="second"/> (<see cref="MessageSecond"/>) when there is one.</summary>
    public static CacheKey Dedupe(string dedupeId, string? second = null) => InSecond("wechat:dedupe:", dedupeId, second);

    /// <summary>The key of a message's remembered reply, grouped like <see cref="Dedupe"/>.</summary>
    public static CacheKey Reply(string dedupeId, string? second = null) => InSecond("wechat:reply:", dedupeId, second);

    /// <summary>
    /// The second a message's keys are grouped by: its <c>CreateTime</c>, when that is a Unix time within two hours of
    /// <paramref name="now"/>. Otherwise null and the keys stand alone, so that no upstream fault (a constant or
    /// missing CreateTime) can make one group grow without end. Two hours is twice the longest timestamp window
    /// allowed (an hour): every try of a message that can pass the timestamp check at all is then grouped alike, so
    /// no try finds its message's keys under the other name.
    /// </summary>
    public static string? MessageSecond(string? createTime, DateTimeOffset now) =>
        long.TryParse(createTime, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && Math.Abs(seconds - now.ToUnixTimeSeconds()) <= GroupingBound
            ? seconds.ToString(CultureInfo.InvariantCulture)
            : null;

    private static readonly long GroupingBound = (long)(2 * WeChatOptions.MaxTimestampWindow).TotalSeconds;

    private static CacheKey InSecond(string kind, string id, string? second) =>
        second is null ? new CacheKey(kind + Hash(id)) : new CacheKey(Hash(id), kind + second);

    public static string MessageWindow(string openId) => $"wechat:window:msg:{Hash(openId)}";
    public static string EventWindow(string openId) => $"wechat:window:evt:{Hash(openId)}";
    /// <summary>
    /// The count of what <paramref name="openId"/> sent to the account of <paramref name="channelId"/> in the minute
    /// starting at <paramref name="minuteStart"/> (Unix seconds): the channel id names the account (OpenIDs are per
    /// AppId, so the same OpenID under two accounts is two senders), the OpenID is hashed as in every other key.
    /// </summary>
    /// <summary>The flood guard's counter of one user of one account (<see cref="Coordination.MinuteCounter"/> adds the minute).</summary>
    public static string UserFlood(string channelId, string openId) => $"wechat:flood:{channelId}:{Hash(openId)}";

    public static string Token(string appId) => $"wechat:token:{appId}";
    public static string TokenRefused(string appId) => $"wechat:token-refused:{appId}";
    public static string TokenLock(string appId) => $"wechat:token-refresh:{appId}";
}
