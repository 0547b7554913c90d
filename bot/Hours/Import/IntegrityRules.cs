namespace ChatAssistant.Hours.Import;

/// <summary>
/// The integrity rules run on every imported record (the Jinhua article: false hours are a real problem).
/// Each rule has a stable name and gives staff a reason in Chinese. A record any rule flags does not count
/// until staff approve it.
/// </summary>
public static class IntegrityRules
{
    public const string Overlap = "overlap";
    public const string DayOverLimit = "day_over_limit";
    public const string EndBeforeStart = "end_before_start";
    public const string HoursMismatch = "hours_mismatch";
    public const string FutureDate = "future_date";
    public const string DuplicateActivity = "duplicate_activity";

    /// <summary>Every rule name with what it means, for staff and docs.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Overlap] = "同一志愿者的两条记录时间重叠",
        [DayOverLimit] = "同一志愿者一天累计时长超过上限",
        [EndBeforeStart] = "结束时间不晚于开始时间",
        [HoursMismatch] = "登记时长与起止时间不符",
        [FutureDate] = "活动日期或结束时间还没到",
        [DuplicateActivity] = "同一活动同一天重复登记",
    };

    /// <summary>
    /// Checks <paramref name="incoming"/> against each other and against <paramref name="stored"/> (the
    /// same volunteers' records that are not revoked). Returns the flags of each incoming record id that has any.
    /// </summary>
    public static Dictionary<string, List<RuleFlag>> Check(
        IReadOnlyList<RuleSubject> incoming,
        IReadOnlyList<RuleSubject> stored,
        DateTimeOffset beijingNow,
        decimal tolerance,
        decimal maxPerDay)
    {
        var flags = new Dictionary<string, List<RuleFlag>>();
        void Flag(RuleSubject r, string rule, string reason)
        {
            if (!flags.TryGetValue(r.RecordId, out var list)) flags[r.RecordId] = list = [];
            list.Add(new RuleFlag(rule, reason));
        }

        var today = DateOnly.FromDateTime(beijingNow.DateTime);
        var nowMinute = beijingNow.Hour * 60 + beijingNow.Minute;
        var sameDay = incoming.Concat(stored).ToLookup(r => (r.VolunteerId, r.Date));

        foreach (var r in incoming)
        {
            if (!r.HasRange)
                Flag(r, EndBeforeStart, HoursTexts.RuleEndBeforeStart(r.StartMinute, r.EndMinute));
            else
            {
                var span = (r.EndMinute - r.StartMinute) / 60m;
                if (Math.Abs(span - r.Hours) > tolerance)
                    Flag(r, HoursMismatch, HoursTexts.RuleHoursMismatch(r.Hours, r.StartMinute, r.EndMinute, span, tolerance));
            }

            if (r.Date > today || (r.Date == today && r.EndMinute > nowMinute))
                Flag(r, FutureDate, HoursTexts.RuleFutureDate(r.Date, today));

            var others = sameDay[(r.VolunteerId, r.Date)].Where(o => o.RecordId != r.RecordId).ToList();
            var overlapping = others.Where(o => r.HasRange && o.HasRange && r.StartMinute < o.EndMinute && o.StartMinute < r.EndMinute).ToList();
            if (overlapping.Count > 0)
                Flag(r, Overlap, HoursTexts.RuleOverlap(overlapping.Select(o => (o.RecordId, o.StartMinute, o.EndMinute))));

            var twins = others.Where(o => SameActivity(o.Activity, r.Activity)).Select(o => o.RecordId).ToList();
            if (twins.Count > 0)
                Flag(r, DuplicateActivity, HoursTexts.RuleDuplicate(twins));

            var dayTotal = r.Hours + others.Sum(o => o.Hours);
            if (dayTotal > maxPerDay)
                Flag(r, DayOverLimit, HoursTexts.RuleDayOverLimit(r.Date, dayTotal, maxPerDay));
        }
        return flags;
    }

    // "垃圾分类 宣传" and "垃圾分类宣传" are the same activity; case and spacing do not make a new one.
    private static bool SameActivity(string a, string b) => Compact(a) == Compact(b);

    private static string Compact(string s) =>
        new string(s.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray()).ToLowerInvariant();
}
