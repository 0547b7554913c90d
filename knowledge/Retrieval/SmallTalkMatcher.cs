using ChatAssistant.Knowledge.Content;

namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>Recognises greetings, thanks, goodbyes and "who are you" by their (compacted) phrases.</summary>
internal sealed class SmallTalkMatcher
{
    // A message this short that starts or ends with a small-talk phrase is small talk ("谢谢啦小助手").
    private const int LooseMaxLength = 8;

    private readonly Dictionary<string, SmallTalkIntent> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Pattern, SmallTalkIntent Intent)> _loose = [];

    public SmallTalkMatcher(IReadOnlyList<SmallTalkIntent> intents)
    {
        foreach (var intent in intents)
        {
            foreach (var pattern in intent.Patterns.Select(TextNormalizer.Compact).Where(p => p.Length > 0))
            {
                _exact.TryAdd(pattern, intent);
                if (pattern.Length >= 2)
                {
                    _loose.Add((pattern, intent));
                }
            }
        }

        _loose.Sort((a, b) => b.Pattern.Length.CompareTo(a.Pattern.Length));
    }

    /// <summary>The reply when the whole message is a small-talk phrase (trailing 啊/呀/呢 … ignored).</summary>
    public string? MatchExact(string text)
    {
        var compact = TrimParticles(TextNormalizer.Compact(text));
        return _exact.TryGetValue(compact, out var intent) ? Reply(intent, compact) : null;
    }

    /// <summary>The reply when a short message starts or ends with a small-talk phrase.</summary>
    public string? MatchLoose(string text)
    {
        var compact = TrimParticles(TextNormalizer.Compact(text));
        if (compact.Length == 0 || compact.Length > LooseMaxLength)
        {
            return null;
        }

        foreach (var (pattern, intent) in _loose)
        {
            if (compact.StartsWith(pattern, StringComparison.Ordinal) || compact.EndsWith(pattern, StringComparison.Ordinal))
            {
                return Reply(intent, compact);
            }
        }

        return null;
    }

    private static string TrimParticles(string compact)
    {
        var trimmed = compact.TrimEnd('啊', '呀', '呢', '吧', '哈', '啦', '嘛', '哦', '喔', '呐', '~');
        return trimmed.Length == 0 ? compact : trimmed;
    }

    // Deterministic choice (no shared Random across threads): the same message gets the same reply.
    private static string Reply(SmallTalkIntent intent, string compact) =>
        intent.Replies[(int)((uint)StableHash(compact) % (uint)intent.Replies.Count)];

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
