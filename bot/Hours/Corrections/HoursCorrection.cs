using System.Globalization;
using ChatAssistant.Security;
using LiteDB;

namespace ChatAssistant.Hours;

/// <summary>
/// A volunteer's request to correct their hours (「图书馆那次应该是4小时不是3小时」, 「11月28号那次没有」): which record
/// (none: an activity missing from the records), the date asked about, and their words — encrypted, bound to this
/// request, and deleted when staff resolve it. Staff see it in the hours review queue.
/// </summary>
public sealed class HoursCorrection
{
    public const string TextField = "hours.correction";

    public int Id { get; set; }

    /// <summary>What the volunteer and staff quote, e.g. "GZ000012" (更正).</summary>
    [BsonIgnore]
    public string Number => Format(Id);

    public string VolunteerId { get; set; } = "";

    /// <summary>The volunteer's roster district when it was filed.</summary>
    public string? District { get; set; }

    /// <summary>Where to answer: the volunteer's channel and user id (OpenID on WeChat).</summary>
    public string ChannelId { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The record the volunteer pointed at (<see cref="HourRecord.Key"/>, and its id as staff know it); null when it is missing.</summary>
    public string? RecordKey { get; set; }

    public string? RecordId { get; set; }

    /// <summary>The activity date asked about (yyyy-MM-dd): the record's, or the date the volunteer named.</summary>
    public string? Date { get; set; }

    /// <summary>The volunteer's words, encrypted (<see cref="Binding"/>); null once resolved.</summary>
    public string? Text { get; set; }

    public CorrectionStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    /// <summary>What staff answered (sent to the volunteer).</summary>
    public string? Reply { get; set; }

    /// <summary>What the words of request <paramref name="id"/> are bound to.</summary>
    public static FieldBinding Binding(int id) => new(TextField, string.Create(CultureInfo.InvariantCulture, $"correction:{id}"));

    /// <summary>A draft of the words in the session of the volunteer filing (before the request exists).</summary>
    public static FieldBinding Draft(string channelId, string userId) => new(TextField, $"draft:{channelId}:{userId}");

    public static string Format(int id) => "GZ" + id.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The id in "GZ000012" (or "gz12"), or null.</summary>
    public static int? Parse(string? number)
    {
        var s = (number ?? "").Trim();
        if (s.StartsWith("GZ", StringComparison.OrdinalIgnoreCase)) s = s[2..];
        return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
