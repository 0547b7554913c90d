using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Disputes.LiteDb;

/// <summary>Help requests as a LiteDB collection (<c>dispute_tickets</c>); one process owns the file, so a lock of this process is exclusive.</summary>
public sealed class LiteTicketStore : ITicketStore
{
    public const string Collection = "dispute_tickets";

    private readonly ILiteDatabase _db;
    private readonly ILiteCollection<Ticket> _tickets;
    private readonly Lock _gate = new();

    public LiteTicketStore(ILiteDatabase db)
    {
        _db = db;
        _tickets = db.GetCollection<Ticket>(Collection);
        _tickets.EnsureIndex(t => t.UserId);
        _tickets.EnsureIndex(t => t.County);
    }

    public T Exclusively<T>(Func<T> work) => LiteTransaction.Exclusively(_db, _gate, work);

    public void Add(Ticket ticket) => _tickets.Insert(ticket);

    public void Update(Ticket ticket) => _tickets.Update(ticket);

    public Ticket? Find(int id) => _tickets.FindById(id);

    public IReadOnlyList<Ticket> OfUser(string userId) => _tickets.FindWhere(LiteQuery.Is(nameof(Ticket.UserId), userId)).OrderByDescending(t => t.Id).ToList();

    public IReadOnlyList<Ticket> All() => _tickets.FindAll().OrderBy(t => t.Id).ToList();

    public IReadOnlyList<Ticket> FinishedBefore(DateTimeOffset cutoff) =>
        _tickets.Find(t => t.PersonalDataDeletedAt == null && t.FinishedAt != null && t.FinishedAt < cutoff).ToList();
}
