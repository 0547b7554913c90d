namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>
/// Finds synonym-list words in a text (longest match first) and returns the other words of their groups.
/// Used at index time so that every way people name a thing is part of the entry's vocabulary.
/// </summary>
internal sealed class SynonymExpander
{
    private readonly Dictionary<string, int> _groupOf = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<IReadOnlyList<string>> _groups;
    private readonly int _longest;

    public SynonymExpander(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        _groups = groups.Select(g => (IReadOnlyList<string>)g.Select(TextNormalizer.Normalize).Distinct().ToList()).ToList();
        for (var i = 0; i < _groups.Count; i++)
        {
            foreach (var word in _groups[i])
            {
                _groupOf.TryAdd(word, i);
            }
        }

        _longest = _groupOf.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
    }

    /// <summary>Every synonym word, for a segmenter's user dictionary.</summary>
    public IEnumerable<string> Words => _groupOf.Keys;

    /// <summary>The group members not already in <paramref name="text"/> for each group it mentions, space-separated.</summary>
    public string Expand(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var hits = new HashSet<int>();
        for (var start = 0; start < normalized.Length;)
        {
            var matched = 0;
            for (var length = Math.Min(_longest, normalized.Length - start); length > 0; length--)
            {
                var candidate = normalized.Substring(start, length);
                if (_groupOf.TryGetValue(candidate, out var group) && IsWordBoundary(normalized, start, length))
                {
                    hits.Add(group);
                    matched = length;
                    break;
                }
            }

            start += Math.Max(matched, 1);
        }

        var extra = hits.SelectMany(g => _groups[g]).Where(w => !normalized.Contains(w, StringComparison.Ordinal));
        return string.Join(' ', extra);
    }

    // Latin words ("app") must not match inside longer Latin words ("happy"); CJK has no spaces, so it always matches.
    private static bool IsWordBoundary(string text, int start, int length)
    {
        static bool IsLatin(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
        var first = text[start];
        var last = text[start + length - 1];
        var before = start > 0 && IsLatin(first) && IsLatin(text[start - 1]);
        var after = start + length < text.Length && IsLatin(last) && IsLatin(text[start + length]);
        return !before && !after;
    }
}
