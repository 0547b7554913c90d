using LiteDB;

namespace ChatAssistant.Feedback;

/// <summary>A suggestion or comment for the youth-league committee.</summary>
public sealed class FeedbackRecord
{
    public int Id { get; set; }

    /// <summary>The channel the user wrote on (e.g. "wechat"); empty on records kept before replies existed.</summary>
    public string ChannelId { get; set; } = "";

    public string UserId { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Content { get; set; } = "";
    public DateTimeOffset At { get; set; }

    /// <summary>When staff last answered, who, and whether the channel delivered it.</summary>
    public DateTimeOffset? RepliedAt { get; set; }

    public string? RepliedBy { get; set; }
    public bool? ReplyDelivered { get; set; }

    /// <summary>The number users are told, e.g. F00012.</summary>
    public string Number => FeedbackStore.Number(Id);
}

/// <summary>The LiteDB collection of suggestions: kept for <see cref="FeedbackOptions.RetentionDays"/>, then deleted.</summary>
public sealed class FeedbackStore
{
    public const string Collection = "feedback";
    private readonly ILiteCollection<FeedbackRecord> _records;

    public FeedbackStore(ILiteDatabase db)
    {
        _records = db.GetCollection<FeedbackRecord>(Collection);
        _records.EnsureIndex(r => r.At);
    }

    public static string Number(int id) => $"F{id:D5}";

    /// <summary>The id in "F00012" (or "12"), or null.</summary>
    public static int? ParseNumber(string? number)
    {
        var text = (number ?? "").Trim();
        if (text.StartsWith('F') || text.StartsWith('f')) text = text[1..];
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    public FeedbackRecord Add(FeedbackRecord record)
    {
        _records.Insert(record);
        return record;
    }

    public FeedbackRecord? Find(int id) => _records.FindById(id);

    /// <summary>Suggestions since <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<FeedbackRecord> Since(DateTimeOffset since, int limit) =>
        _records.Query().Where(r => r.At >= since).OrderByDescending(r => r.At).Limit(limit).ToList();

    public void Update(FeedbackRecord record) => _records.Update(record);

    /// <summary>Deletes suggestions older than <paramref name="before"/>; returns how many.</summary>
    public int DeleteBefore(DateTimeOffset before) => _records.DeleteMany(r => r.At < before);
}

/// <summary>Settings under <c>Feedback:</c>.</summary>
public sealed class FeedbackOptions
{
    /// <summary>Days a suggestion (and who sent it) is kept; then it is deleted.</summary>
    public int RetentionDays { get; set; } = 365;
}
