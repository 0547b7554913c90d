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
    private readonly Dictionary<string, string> _chineseFor = new(StringComparer.Ordinal);

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

        // An English word stands for the first Chinese word of every group it is in ("register" and "sign up" for
        // 注册, "points" for 积分), whichever group the Chinese word was first listed in.
        foreach (var group in _groups)
        {
            var chinese = group.FirstOrDefault(w => !IsLatinWord(w));
            if (chinese is null) continue;
            foreach (var word in group.Where(IsLatinWord))
            {
                _chineseFor[word] = _chineseFor.TryGetValue(word, out var other) && other != chinese ? other + " " + chinese : chinese;
            }
        }
    }

    /// <summary>Every synonym word, for a segmenter's user dictionary.</summary>
    public IEnumerable<string> Words => _groupOf.Keys;

    /// <summary>The group members not already in <paramref name="text"/> for each group it mentions, space-separated.</summary>
    public string Expand(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var hits = new HashSet<int>();
        foreach (var (_, _, word) in Find(normalized))
        {
            hits.Add(_groupOf[word]);
        }

        // English words are not added: questions in English are translated instead (Translate).
        var extra = hits.SelectMany(g => _groups[g]).Where(w => !IsLatinWord(w) && !normalized.Contains(w, StringComparison.Ordinal));
        return string.Join(' ', extra);
    }

    /// <summary>
    /// <paramref name="normalized"/> (a question, already normalised) with each English synonym word replaced by the
    /// Chinese words it stands for: "how do i sign up" → "how do i 注册", "my points" → "my 积分". Done on the query
    /// side because the guide is written in Chinese: a word the guide never uses only pulls a match down, and adding
    /// English words to every entry that says 注册 would lengthen those entries and move Chinese questions' scores.
    /// </summary>
    public string Translate(string normalized)
    {
        if (!normalized.AsSpan().ContainsAnyInRange('a', 'z')) return normalized; // most questions: no English at all
        System.Text.StringBuilder? translated = null;
        var copied = 0;
        foreach (var (start, length, word) in Find(normalized))
        {
            if (!_chineseFor.TryGetValue(word, out var chinese)) continue;
            translated ??= new System.Text.StringBuilder(normalized.Length + 8);
            translated.Append(normalized, copied, start - copied).Append(' ').Append(chinese).Append(' ');
            copied = start + length;
        }

        return translated is null ? normalized : translated.Append(normalized, copied, normalized.Length - copied).ToString();
    }

    // The synonym words in a normalised text, longest first at each position, as (start, length, word).
    private IEnumerable<(int Start, int Length, string Word)> Find(string normalized)
    {
        var words = _groupOf.GetAlternateLookup<ReadOnlySpan<char>>(); // no substring per candidate
        for (var start = 0; start < normalized.Length;)
        {
            var matched = 0;
            for (var length = Math.Min(_longest, normalized.Length - start); length > 0; length--)
            {
                if (words.TryGetValue(normalized.AsSpan(start, length), out var word, out _) && IsWordBoundary(normalized, start, length))
                {
                    matched = length;
                    yield return (start, length, word);
                    break;
                }
            }

            start += Math.Max(matched, 1);
        }
    }

    private static bool IsLatinWord(string word) => word.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or ' ');

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
