using System.Globalization;
using System.Text;
using Microsoft.Bot.Schema;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Turns everything the bot said in one turn into WeChat text messages of at most 2048 bytes (UTF-8),
/// in order: short replies are merged, a reply that fits one message is never cut, longer ones are split
/// after a sentence end (。！？!? or a line break).
/// The first message can go out as the passive reply, the rest through the customer-service API.
/// </summary>
public static class WeChatReplyComposer
{
    /// <summary>The text limit the SDKs use for one WeChat text message.</summary>
    public const int MaxBytes = 2048;

    private const string ActivitySeparator = "\n\n";
    private static readonly char[] SentenceEnds = ['。', '！', '？', '!', '?', '\n'];
    private static readonly char[] Closers = ['”', '’', '"', '」', '』', '）', ')', '】'];

    /// <summary>The text messages for <paramref name="activities"/> (non-message activities are skipped).</summary>
    public static IReadOnlyList<string> Compose(IEnumerable<IActivity> activities, int maxBytes = MaxBytes)
        => Pack(activities.OfType<IMessageActivity>().Select(Render).Where(t => t.Length > 0), maxBytes);

    /// <summary>Splits and packs plain texts (each one a separate utterance) into messages.</summary>
    public static IReadOnlyList<string> Pack(IEnumerable<string> texts, int maxBytes = MaxBytes)
    {
        var messages = new List<string>();
        var current = new StringBuilder();
        var currentBytes = 0;
        var first = true;
        foreach (var text in texts)
        {
            var separator = first ? "" : ActivitySeparator;
            first = false;
            // An utterance that fits a message of its own is not cut across two.
            var whole = Encoding.UTF8.GetByteCount(text);
            if (current.Length > 0 && whole <= maxBytes && currentBytes + Encoding.UTF8.GetByteCount(separator) + whole > maxBytes)
            {
                messages.Add(current.ToString());
                current.Clear();
                currentBytes = 0;
            }
            foreach (var unit in Units(text, maxBytes))
            {
                var join = current.Length == 0 ? "" : separator;
                var bytes = Encoding.UTF8.GetByteCount(join) + Encoding.UTF8.GetByteCount(unit);
                if (current.Length > 0 && currentBytes + bytes > maxBytes)
                {
                    messages.Add(current.ToString());
                    current.Clear();
                    currentBytes = 0;
                    join = "";
                    bytes = Encoding.UTF8.GetByteCount(unit);
                }
                current.Append(join).Append(unit);
                currentBytes += bytes;
                separator = "";
            }
        }
        if (current.Length > 0) messages.Add(current.ToString());
        return messages;
    }

    /// <summary>Sentences of <paramref name="text"/>, each at most <paramref name="maxBytes"/> (an overlong sentence is cut between characters).</summary>
    internal static IEnumerable<string> Units(string text, int maxBytes)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (Array.IndexOf(SentenceEnds, text[i]) < 0) continue;
            var end = i + 1;
            while (end < text.Length && Array.IndexOf(Closers, text[end]) >= 0) end++;
            foreach (var piece in Cut(text[start..end], maxBytes)) yield return piece;
            start = end;
            i = end - 1;
        }
        if (start < text.Length)
            foreach (var piece in Cut(text[start..], maxBytes)) yield return piece;
    }

    // Cuts between user-perceived characters (grapheme clusters: an emoji built of several code points joined by
    // ZWJ, a flag, a letter with its accents), never inside one; only a single cluster longer than a whole message
    // is cut, between its code points.
    private static IEnumerable<string> Cut(string sentence, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(sentence) <= maxBytes) { yield return sentence; yield break; }
        var pieceStart = 0;
        var bytes = 0;
        for (var at = 0; at < sentence.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(sentence.AsSpan(at));
            var elementBytes = Encoding.UTF8.GetByteCount(sentence.AsSpan(at, length));
            if (bytes + elementBytes > maxBytes && at > pieceStart)
            {
                yield return sentence[pieceStart..at];
                pieceStart = at;
                bytes = 0;
            }
            if (elementBytes > maxBytes)
            {
                foreach (var piece in CutRunes(sentence.Substring(at, length), maxBytes)) yield return piece;
                pieceStart = at + length;
            }
            else bytes += elementBytes;
            at += length;
        }
        if (pieceStart < sentence.Length) yield return sentence[pieceStart..];
    }

    private static IEnumerable<string> CutRunes(string text, int maxBytes)
    {
        var piece = new StringBuilder();
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes) { yield return piece.ToString(); piece.Clear(); bytes = 0; }
            piece.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }
        if (piece.Length > 0) yield return piece.ToString();
    }

    /// <summary>Plain text for one bot message: its text, cards as text, suggested actions as a list to type.</summary>
    internal static string Render(IMessageActivity activity)
    {
        var text = new StringBuilder(activity.Text?.Trim() ?? "");
        foreach (var attachment in activity.Attachments ?? [])
        {
            var card = attachment.Content as HeroCard ?? (attachment.Content as Newtonsoft.Json.Linq.JObject)?.ToObject<HeroCard>();
            var parts = card is null
                ? new[] { attachment.Name, attachment.ContentUrl }
                : new[] { card.Title, card.Subtitle, card.Text, Options(card.Buttons) };
            AppendLine(text, string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p))));
        }
        AppendLine(text, Options(activity.SuggestedActions?.Actions));
        return text.ToString();
    }

    private static string? Options(IList<CardAction>? actions)
    {
        var titles = actions?.Select(a => a.Title ?? a.Value?.ToString()).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        return titles is { Count: > 0 } ? WeChatTexts.SuggestedActionsIntro + string.Join(WeChatTexts.SuggestedActionsSeparator, titles) : null;
    }

    private static void AppendLine(StringBuilder text, string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        if (text.Length > 0) text.Append('\n');
        text.Append(line);
    }
}
