using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Staff.LiteDb;

/// <summary>
/// Staff records in the LiteDB file (collections <c>staff</c>, <c>staff_sessions_ended</c>, <c>staff_tokens</c>). One
/// process owns the file, so a lock of this process makes <see cref="Exclusively{T}"/> exclusive.
/// </summary>
public sealed class LiteStaffRecords : IStaffRecords
{
    public const string Accounts = "staff";
    public const string EndedSessions = "staff_sessions_ended";
    public const string Tokens = "staff_tokens";

    private readonly ILiteDatabase _db;
    private readonly ILiteCollection<StaffAccount> _accounts;
    private readonly ILiteCollection<EndedSession> _ended;
    private readonly ILiteCollection<LiteStaffToken> _tokens;
    private readonly Lock _gate = new();

    public LiteStaffRecords(ILiteDatabase db)
    {
        _db = db;
        _accounts = db.GetCollection<StaffAccount>(Accounts);
        _accounts.EnsureIndex(a => a.UserName, unique: true);
        _ended = db.GetCollection<EndedSession>(EndedSessions);
        _tokens = db.GetCollection<LiteStaffToken>(Tokens);
        _tokens.EnsureIndex(t => t.Hash, unique: true);
    }

    public T Exclusively<T>(Func<T> action) => LiteTransaction.Exclusively(_db, _gate, action);

    public bool TryAdd(StaffAccount account)
    {
        try
        {
            _accounts.Insert(account);
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public StaffAccount? Find(string userName) => _accounts.FindOneWhere(LiteQuery.Is(nameof(StaffAccount.UserName), userName));

    public StaffAccount? FindById(int id) => _accounts.FindById(id);

    public IReadOnlyList<StaffAccount> All() => _accounts.FindAll().OrderBy(a => a.UserName, StringComparer.Ordinal).ToList();

    public void Update(StaffAccount account) => _accounts.Update(account);

    public bool AnyOtherEnabledAdmin(int id) => _accounts.FindAll().Any(a => a.Id != id && a.Role == StaffRoles.Admin && !a.Disabled);

    public void EndSession(string sessionId, DateTimeOffset until, DateTimeOffset now)
    {
        _ended.DeleteMany(e => e.Until < now);
        _ended.Upsert(new EndedSession { Id = sessionId, Until = until });
    }

    public bool SessionEnded(string sessionId) => _ended.FindById(sessionId) is not null;

    public void AddToken(StaffToken token)
    {
        var stored = LiteStaffToken.Of(token);
        _tokens.Insert(stored);
        token.Id = stored.Id.ToString();
    }

    public IReadOnlyList<StaffToken> TokensOf(int staffId) =>
        _tokens.FindWhere(LiteQuery.Is(nameof(LiteStaffToken.StaffId), staffId)).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Select(t => t.ToToken()).ToList();

    public StaffToken? FindToken(string hash) => _tokens.FindOneWhere(LiteQuery.Is(nameof(LiteStaffToken.Hash), hash))?.ToToken();

    public bool DeleteToken(int staffId, string tokenId)
    {
        if (!LiteQuery.TryParseId(tokenId, out var id)) return false;
        return _tokens.FindById(id) is { } token && token.StaffId == staffId && _tokens.Delete(id);
    }

    /// <summary>Every token of the file, for <c>records copy</c>.</summary>
    public static IEnumerable<StaffToken> ReadTokens(ILiteDatabase db) => db.GetCollection<LiteStaffToken>(Tokens).FindAll().Select(t => t.ToToken());

    /// <summary>Writes a copied token with its id, for <c>records copy</c>.</summary>
    public static void WriteToken(ILiteDatabase db, StaffToken token)
    {
        var stored = LiteStaffToken.Of(token);
        if (LiteQuery.TryParseId(token.Id, out var id)) stored.Id = id;
        db.GetCollection<LiteStaffToken>(Tokens).Insert(stored);
    }
}

/// <summary>A bearer token as the LiteDB file keeps it (<see cref="LiteStaffRecords"/>): with its LiteDB document id, which <see cref="StaffToken"/> carries as text.</summary>
public sealed class LiteStaffToken
{
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();

    public string Hash { get; set; } = "";

    public int StaffId { get; set; }

    public string Label { get; set; } = "";

    public int SessionVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public static LiteStaffToken Of(StaffToken t) => new()
    {
        Hash = t.Hash, StaffId = t.StaffId, Label = t.Label, SessionVersion = t.SessionVersion, CreatedAt = t.CreatedAt, ExpiresAt = t.ExpiresAt,
    };

    public StaffToken ToToken() => new()
    {
        Id = Id.ToString(), Hash = Hash, StaffId = StaffId, Label = Label, SessionVersion = SessionVersion, CreatedAt = CreatedAt, ExpiresAt = ExpiresAt,
    };
}
