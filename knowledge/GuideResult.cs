namespace ChatAssistant.Knowledge;

/// <summary>What the guide makes of a user's message: one of four outcomes.</summary>
public abstract record GuideResult
{
    private GuideResult()
    {
    }

    /// <summary>A confident match: show the entry's answer.</summary>
    public sealed record Answer(GuideEntry Entry) : GuideResult;

    /// <summary>Two or three entries score too close to pick one: ask the user to choose by number.</summary>
    public sealed record Clarify(IReadOnlyList<GuideEntry> Options) : GuideResult;

    /// <summary>Nothing matches well enough: say so and offer 转人工.</summary>
    public sealed record NotSure : GuideResult
    {
        /// <summary>The single instance.</summary>
        public static readonly NotSure Instance = new();

        /// <summary>The entry that came closest, below the threshold (null when none shared a content word): what the
        /// question was probably about, for the dashboard's unanswered topics.</summary>
        public GuideEntry? Nearest { get; init; }
    }

    /// <summary>Greeting, thanks, goodbye and the like: reply with this short text.</summary>
    public sealed record SmallTalk(string Reply) : GuideResult;
}
