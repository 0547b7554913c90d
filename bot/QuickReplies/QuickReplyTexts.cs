namespace ChatAssistant.QuickReplies;

/// <summary>The variables of a quick reply and what the API answers about them.</summary>
public static class QuickReplyTexts
{
    /// <summary>The inserting member's name as users see it.</summary>
    public const string StaffVariable = "{工作人员}";

    /// <summary>The number of the help request open in the console.</summary>
    public const string TicketVariable = "{工单号}";

    /// <summary>The youth hotline, staffed around the clock.</summary>
    public const string HotlineVariable = "{热线}";

    public const string Hotline = "12355";

    public const string Invalid = "快捷回复需要标题（最多 20 字）和内容（最多 1000 字）。";

    public const string NotFound = "没有这条快捷回复。";

    /// <summary>
    /// <paramref name="text"/> with its variables filled: the member's name, the help request's number (left as written
    /// when none is open, so staff see what to type), the hotline.
    /// </summary>
    public static string Fill(string text, string staffName, string? ticketNumber) =>
        text.Replace(StaffVariable, staffName, StringComparison.Ordinal)
            .Replace(TicketVariable, ticketNumber ?? TicketVariable, StringComparison.Ordinal)
            .Replace(HotlineVariable, Hotline, StringComparison.Ordinal);
}
