using ChatAssistant.Storage;

namespace ChatAssistant.QuickReplies;

/// <summary>The quick replies (<see cref="QuickReply"/>): a list in the records (<c>quick_replies</c>, LiteDB or PostgreSQL).</summary>
public sealed class QuickReplyStore(IRecordList<QuickReply> replies)
{
    public const string Collection = "quick_replies";

    public IReadOnlyList<QuickReply> All() => replies.All();

    public QuickReply? Get(int id) => replies.Get(id);

    public QuickReply Add(string title, string text) => replies.Add(new QuickReply { Title = title, Text = text });

    public bool Update(QuickReply reply) => replies.Update(reply);

    public bool Delete(int id) => replies.Delete(id);
}
