using ChatAssistant.Storage;

namespace ChatAssistant.QuickReplies;

/// <summary>
/// A reply staff insert with one pick in the console (快捷回复), kept by admins (collection <c>quick_replies</c>). Its
/// text may hold variables filled for whoever inserts it (<see cref="QuickReplyTexts.Fill"/>).
/// </summary>
public sealed class QuickReply : IListedRecord
{
    public int Id { get; set; }

    /// <summary>What the console's list shows.</summary>
    public string Title { get; set; } = "";

    public string Text { get; set; } = "";
}
