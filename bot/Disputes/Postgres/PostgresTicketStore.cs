using System.Text.Json;
using System.Text.Json.Serialization;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.Disputes.Postgres;

/// <summary>
/// Help requests in PostgreSQL (<c>dispute_tickets</c>, migration 0011): the request as one JSON document (its personal
/// fields and history lines sealed as in the LiteDB file, bound to its number), with what is searched beside it as
/// columns. Changes take turns on every instance under one transaction-scoped advisory lock.
/// </summary>
public sealed class PostgresTicketStore(PostgresRecords records) : ITicketStore
{
    private const string Select = "SELECT id AS Id, doc::text AS Doc FROM dispute_tickets";

    // "TCKT": the one lock of every change of a request (staff's and the user's changes are rare).
    private const long TicketLock = 0x5443_4B54;

    /// <summary>How <c>records copy</c> moves the requests (numbers kept: the sealed fields are bound to them).</summary>
    public static RecordsTableCopy<Ticket> Copy() => new(
        "dispute_tickets",
        "INSERT INTO dispute_tickets (id, user_id, created_at, finished_at, personal_data_deleted_at, doc) " +
        "VALUES (@Id, @UserId, @CreatedAt, @FinishedAt, @PersonalDataDeletedAt, @doc::jsonb)",
        Row,
        (c, t) => c.Query<DocRow>($"{Select} ORDER BY id", transaction: t).Select(r => r.ToTicket()),
        identity: true);

    private static object Row(Ticket t) => new { t.Id, t.UserId, t.CreatedAt, t.FinishedAt, t.PersonalDataDeletedAt, doc = JsonSerializer.Serialize(t, PostgresJson.Options) };

    public T Exclusively<T>(Func<T> work) => records.Exclusively(TicketLock, work);

    public void Add(Ticket ticket) => ticket.Id = records.Use((c, t) => c.ExecuteScalar<int>(
        "INSERT INTO dispute_tickets (user_id, created_at, finished_at, personal_data_deleted_at, doc) " +
        "VALUES (@UserId, @CreatedAt, @FinishedAt, @PersonalDataDeletedAt, @doc::jsonb) RETURNING id", Row(ticket), t));

    public void Update(Ticket ticket) => records.Use((c, t) => c.Execute(
        "UPDATE dispute_tickets SET user_id = @UserId, finished_at = @FinishedAt, personal_data_deleted_at = @PersonalDataDeletedAt, doc = @doc::jsonb WHERE id = @Id",
        Row(ticket), t));

    public Ticket? Find(int id) => Query("WHERE id = @id", new { id }).SingleOrDefault();

    public IReadOnlyList<Ticket> OfUser(string userId) => Query("WHERE user_id = @userId ORDER BY id DESC", new { userId });

    public IReadOnlyList<Ticket> All() => Query("ORDER BY id", null);

    public IReadOnlyList<Ticket> FinishedBefore(DateTimeOffset cutoff) =>
        Query("WHERE personal_data_deleted_at IS NULL AND finished_at < @cutoff ORDER BY id", new { cutoff = PostgresLimits.Clamp(cutoff) });

    private List<Ticket> Query(string rest, object? parameters) => records.Use((c, t) =>
        c.Query<DocRow>($"{Select} {rest}", parameters, t).Select(r => r.ToTicket()).ToList());

    private sealed class DocRow
    {
        public int Id { get; set; }

        public string Doc { get; set; } = "";

        // The number is the row's (a new request's document was written before it had one).
        public Ticket ToTicket()
        {
            var ticket = JsonSerializer.Deserialize<Ticket>(Doc, PostgresJson.Options)!;
            ticket.Id = Id;
            return ticket;
        }
    }
}
