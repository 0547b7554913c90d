using System.Globalization;
using Microsoft.Bot.Schema;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>Maps WeChat's wire messages to Bot.Builder activities (the direction a passive reply takes is in <see cref="WeChatReplyXml"/>).</summary>
internal static class WeChatMapper
{
    public const string ChannelId = WeChatAdapter.ChannelId;

    /// <summary><see cref="ToAction"/>, or null when the message lacks what names it (sender, recipient, type).</summary>
    public static InboundAction? TryToAction(IReadOnlyDictionary<string, string> m, DateTimeOffset now, string channelId = ChannelId)
    {
        try { return ToAction(m, now, channelId); }
        catch (WeChatXmlException) { return null; }
    }

    /// <summary>What to do with message <paramref name="m"/>; its activity carries <paramref name="channelId"/> (the account's).</summary>
    public static InboundAction ToAction(IReadOnlyDictionary<string, string> m, DateTimeOffset now, string channelId = ChannelId)
    {
        // One spelling per message (RELIABILITY row 16): the fields that name it are read trimmed, its numbers in
        // their decimal form ("041" is MsgId 41), the event name in lower case, so that no way of writing a try of
        // it makes another dedupe key. OpenIDs and event keys keep their case: WeChat's OpenIDs are mixed-case.
        var from = m.GetValueOrDefault("FromUserName")?.Trim();
        var to = m.GetValueOrDefault("ToUserName")?.Trim();
        var type = m.GetValueOrDefault("MsgType")?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to) || string.IsNullOrEmpty(type)) throw new WeChatXmlException();
        var createTime = Number(m.GetValueOrDefault("CreateTime"));
        var msgId = Number(m.GetValueOrDefault("MsgId"));

        if (type == "event") return MapEvent(m, from, to, createTime, now, channelId);

        var dedupeId = $"{from}:msg:{(string.IsNullOrEmpty(msgId) ? createTime + ":" + type : msgId)}";
        var activity = NewActivity(ActivityTypes.Message, m, from, to, createTime, msgId, now, channelId);
        switch (type)
        {
            case "text":
                activity.Text = m.GetValueOrDefault("Content") ?? "";
                break;
            case "voice":
                var recognition = m.GetValueOrDefault("Recognition");
                if (string.IsNullOrWhiteSpace(recognition)) return new InboundAction.Reply(WeChatTexts.VoiceWithoutText);
                activity.Text = recognition.Trim();
                break;
            case "image" or "video" or "shortvideo" or "location" or "link":
                activity.Text = "";
                activity.Attachments = [new Attachment
                {
                    ContentType = WeChatContentTypes.For(type),
                    ContentUrl = m.GetValueOrDefault("PicUrl") ?? m.GetValueOrDefault("Url"),
                    Name = m.GetValueOrDefault("Title") ?? m.GetValueOrDefault("Label"),
                }];
                break;
            default:
                return new InboundAction.Ignore();
        }
        return new InboundAction.RunTurn(activity, dedupeId, FromUserMessage: true, WeChatKeys.MessageSecond(createTime, now));
    }

    private static InboundAction MapEvent(IReadOnlyDictionary<string, string> m, string from, string to, string createTime, DateTimeOffset now, string channelId)
    {
        var evt = (m.GetValueOrDefault("Event") ?? "").Trim().ToLowerInvariant();
        var key = (m.GetValueOrDefault("EventKey") ?? "").Trim();
        (string Name, string? Value)? mapped = evt switch
        {
            "subscribe" => (ChannelEvents.Subscribe, key.StartsWith("qrscene_", StringComparison.Ordinal) ? key["qrscene_".Length..] : null),
            "unsubscribe" => (ChannelEvents.Unsubscribe, null),
            "scan" => (ChannelEvents.Scan, key),
            "click" => (ChannelEvents.MenuClick, key),
            "template_card_event" => (ChannelEvents.CardButton, key), // WeCom: a button of a template card was pressed
            _ => null, // LOCATION (every 5 s), VIEW (the user is leaving for a web page), template receipts…
        };
        if (mapped is null) return new InboundAction.Ignore();
        var activity = NewActivity(ActivityTypes.Event, m, from, to, createTime, "", now, channelId);
        activity.Name = mapped.Value.Name;
        activity.Value = mapped.Value.Value;
        return new InboundAction.RunTurn(activity, $"{from}:evt:{createTime}:{evt}:{key}", FromUserMessage: false, WeChatKeys.MessageSecond(createTime, now));
    }

    // A number's one form: trimmed, and decimal without leading zeros when it is one; anything else as it came, trimmed.
    private static string Number(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        return ulong.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : trimmed;
    }

    private static Activity NewActivity(string type, IReadOnlyDictionary<string, string> m, string from, string to, string createTime, string msgId, DateTimeOffset now, string channelId)
    {
        var timestamp = long.TryParse(createTime, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds(seconds) : now;
        return new Activity
        {
            Type = type,
            Id = msgId.Length > 0 ? msgId : $"{createTime}-{Guid.NewGuid():N}",
            ChannelId = channelId,
            ServiceUrl = "wechat:",
            Timestamp = timestamp,
            LocalTimestamp = timestamp.ToOffset(TimeSpan.FromHours(8)),
            Locale = "zh-CN",
            From = new ChannelAccount(from, role: RoleTypes.User),
            Recipient = new ChannelAccount(to, role: RoleTypes.Bot),
            Conversation = new ConversationAccount(isGroup: false, id: from),
            ChannelData = new Dictionary<string, string>(m, StringComparer.Ordinal),
        };
    }
}
