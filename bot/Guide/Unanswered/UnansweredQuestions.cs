using System.Globalization;
using ChatAssistant.Knowledge;
using ChatAssistant.Security;
using ChatAssistant.Storage;

namespace ChatAssistant.Guide.Unanswered;

/// <summary>
/// The questions the guide did not answer well, kept for staff: recorded from the chat (masked, never the user's id;
/// a failure to record is logged and never costs the user their answer), grouped by wording for the console, and taken
/// out when staff attach or dismiss them.
/// </summary>
public sealed class UnansweredQuestions(IRecordList<UnansweredQuestion> records, GuideLibrary guides, TimeProvider time, ILogger<UnansweredQuestions> log)
{
    public const string Collection = "guide_unanswered";

    /// <summary>Two wordings whose character pairs overlap at least this much (Dice) are one group.</summary>
    public const double SameQuestion = 0.5;

    /// <summary>Records <paramref name="text"/> as a question of <paramref name="kind"/>; a message with too little to read is not kept.</summary>
    public void Record(string channelId, string kind, string text, string? nearest)
    {
        var masked = PersonalText.Mask(text);
        if (Letters(masked).Length < 2) return; // an emoji or 「?」 tells staff nothing
        try
        {
            records.Add(new UnansweredQuestion { At = time.GetUtcNow(), ChannelId = channelId, Kind = kind, Text = masked, Nearest = nearest });
        }
        // The chat goes on whatever happens here: the user has had their answer already. Nothing of the text is logged.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "An unanswered question ({Kind}) could not be recorded", kind);
        }
    }

    /// <summary>The open questions grouped by wording, the most asked first (then the most recent).</summary>
    public IReadOnlyList<UnansweredGroup> Groups()
    {
        var groups = new List<(HashSet<string> Pairs, List<UnansweredQuestion> Members)>();
        foreach (var question in records.All().OrderByDescending(q => q.At).ThenByDescending(q => q.Id))
        {
            var pairs = Pairs(question.Text);
            var best = -1;
            var bestScore = SameQuestion;
            for (var i = 0; i < groups.Count; i++)
            {
                var score = Dice(pairs, groups[i].Pairs);
                if (score >= bestScore) (best, bestScore) = (i, score);
            }
            if (best < 0) groups.Add((pairs, [question]));
            else groups[best].Members.Add(question);
        }
        return groups
            .Select(g => Describe(g.Members))
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastAt)
            .ToList();
    }

    /// <summary>The open questions of these ids (unknown ids left out).</summary>
    public IReadOnlyList<UnansweredQuestion> Find(IEnumerable<int> ids) => ids.Distinct().Select(records.Get).OfType<UnansweredQuestion>().ToList();

    /// <summary>Takes the questions out of the list (attached to an entry, or dismissed); returns how many were there.</summary>
    public int Remove(IEnumerable<int> ids) => ids.Distinct().Count(records.Delete);

    /// <summary>Deletes the questions asked before <paramref name="cutoff"/>; returns how many.</summary>
    public int DeleteBefore(DateTimeOffset cutoff) => records.All().Where(q => q.At < cutoff).Count(q => records.Delete(q.Id));

    private UnansweredGroup Describe(List<UnansweredQuestion> members)
    {
        var newest = members[0];
        var closest = guides.For(newest.ChannelId).Closest(newest.Text, 3).Select(e => new EntryRef(e.Id, e.Title)).ToList();
        // The entry the assistant named (a hand-off after its answer) comes first: staff see what it answered.
        if (members.Select(m => m.Nearest).FirstOrDefault(n => n is not null) is { } named && closest.All(c => c.Id != named)
            && guides.For(newest.ChannelId).Find(named) is { } entry)
            closest.Insert(0, new EntryRef(entry.Id, entry.Title));
        return new UnansweredGroup(
            newest.Text,
            members.Count,
            members.GroupBy(m => m.Kind).ToDictionary(k => k.Key, k => k.Count()),
            newest.At,
            members.Select(m => m.Id).ToList(),
            members.Select(m => m.ChannelId).Distinct().ToList(),
            closest.Take(3).ToList());
    }

    // Letters, digits and Han characters only, lower case: what two wordings are compared on (masks dropped).
    private static string Letters(string text)
    {
        var withoutMasks = text;
        foreach (var mask in PersonalText.Placeholders) withoutMasks = withoutMasks.Replace(mask, " ", StringComparison.Ordinal);
        return string.Concat(withoutMasks.Where(c => char.IsLetterOrDigit(c))).ToLower(CultureInfo.InvariantCulture);
    }

    private static HashSet<string> Pairs(string text)
    {
        var s = Letters(text);
        if (s.Length < 2) return [s];
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < s.Length; i++) pairs.Add(s.Substring(i, 2));
        return pairs;
    }

    private static double Dice(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count + b.Count == 0) return 0;
        var shared = a.Count < b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return 2.0 * shared / (a.Count + b.Count);
    }
}
