namespace ChatAssistant.Disputes;

/// <summary>
/// Help requests (LiteDB: <see cref="LiteDb.LiteTicketStore"/>; PostgreSQL: <see cref="Postgres.PostgresTicketStore"/>).
/// <see cref="TicketService"/> holds the rules; every change reads the ticket again inside <see cref="Exclusively{T}"/>,
/// so two staff acting on one request through two instances never lose each other's change.
/// </summary>
public interface ITicketStore
{
    /// <summary>Runs <paramref name="work"/> in one transaction while no other call runs, in this process or any other instance.</summary>
    T Exclusively<T>(Func<T> work);

    /// <summary>Adds a request and gives it its id (its number).</summary>
    void Add(Ticket ticket);

    /// <summary>Writes a stored request whole (fields, status, history).</summary>
    void Update(Ticket ticket);

    Ticket? Find(int id);

    /// <summary>A user's requests, newest first.</summary>
    IReadOnlyList<Ticket> OfUser(string userId);

    /// <summary>Every request, oldest first.</summary>
    IReadOnlyList<Ticket> All();

    /// <summary>Finished requests whose personal fields are still there and that finished before <paramref name="cutoff"/>.</summary>
    IReadOnlyList<Ticket> FinishedBefore(DateTimeOffset cutoff);
}
