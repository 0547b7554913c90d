using LiteDB;

namespace ChatAssistant.QuickReplies;

/// <summary>The quick replies (<see cref="QuickReply"/>), in their own collection.</summary>
public sealed class QuickReplyStore(ILiteDatabase db)
{
    public const string Collection = "quick_replies";

    private readonly ILiteCollection<QuickReply> _replies = db.GetCollection<QuickReply>(Collection);

    public IReadOnlyList<QuickReply> All() => _replies.FindAll().OrderBy(r => r.Id).ToList();

    public QuickReply? Get(int id) => _replies.FindById(id);

    public QuickReply Add(string title, string text)
    {
        var reply = new QuickReply { Title = title, Text = text };
        _replies.Insert(reply);
        return reply;
    }

    public bool Update(QuickReply reply) => _replies.Update(reply);

    public bool Delete(int id) => _replies.Delete(id);
}
