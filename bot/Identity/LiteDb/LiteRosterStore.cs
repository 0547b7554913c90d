using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Identity.LiteDb;

/// <summary>
/// The rosters and binding codes in the LiteDB file (collections <c>roster</c>, <c>binding_codes</c>,
/// <c>binding_attempts</c>). One process owns the file, so a lock of this process makes <see cref="Exclusively{T}"/>
/// exclusive, and the bound members are kept in memory until a write (every booking, hours and county look-up asks
/// who an OpenID is: a dictionary hit instead of a query per turn).
/// </summary>
public sealed class LiteRosterStore : IRosterStore
{
    public const string Members = "roster";
    public const string Codes = "binding_codes";
    public const string Attempts = "binding_attempts";

    private readonly ILiteDatabase _db;
    private readonly ILiteCollection<RosterMember> _members;
    private readonly ILiteCollection<LiteBindingCode> _codes;
    private readonly ILiteCollection<BindingAttempts> _attempts;
    private readonly Lock _gate = new();
    private readonly CachedUntilWrite<Dictionary<string, RosterMember[]>> _bound;

    public LiteRosterStore(ILiteDatabase db)
    {
        _db = db;
        _members = db.GetCollection<RosterMember>(Members);
        _members.EnsureIndex(m => m.Key, unique: true);
        _members.EnsureIndex(m => m.OpenId);
        _codes = db.GetCollection<LiteBindingCode>(Codes);
        _codes.EnsureIndex(c => c.CodeHash, unique: true);
        _attempts = db.GetCollection<BindingAttempts>(Attempts);
        _bound = new(ReadBound);
    }

    public T Exclusively<T>(Func<T> action)
    {
        try
        {
            return LiteTransaction.Exclusively(_db, _gate, action);
        }
        finally
        {
            // After the commit (or the rollback): a read meanwhile saw the old rows and is read again.
            _bound.Drop();
        }
    }

    public RosterMember? FindMember(RosterKind kind, string memberId) =>
        _members.FindOneWhere(LiteQuery.Is(nameof(RosterMember.Key), RosterMember.KeyOf(kind, memberId)));

    IReadOnlyList<RosterMember> IRosterStore.Members(RosterKind kind) => _members.Find(m => m.Kind == kind).ToList();

    public IReadOnlyList<RosterMember> BoundTo(string openId) => _bound.Get().GetValueOrDefault(openId) ?? [];

    private Dictionary<string, RosterMember[]> ReadBound() =>
        _members.FindWhere(LiteQuery.IsNot(nameof(RosterMember.OpenId), BsonValue.Null))
            .Where(m => !string.IsNullOrEmpty(m.OpenId))
            .GroupBy(m => m.OpenId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Kind).ToArray(), StringComparer.Ordinal);

    public void Add(RosterMember member)
    {
        _members.Insert(member);
        _bound.Drop();
    }

    public void Update(RosterMember member)
    {
        _members.Update(member);
        _bound.Drop();
    }

    public BindingCode? FindCode(string codeHash) => FindStored(codeHash)?.ToCode();

    private LiteBindingCode? FindStored(string codeHash) => _codes.FindOneWhere(LiteQuery.Is(nameof(LiteBindingCode.CodeHash), codeHash));

    public void AddCode(BindingCode code) => _codes.Insert(LiteBindingCode.Of(code));

    public bool MarkUsed(string codeHash, DateTimeOffset at)
    {
        if (FindStored(codeHash) is not { UsedAt: null } stored) return false;
        stored.UsedAt = at;
        return _codes.Update(stored);
    }

    public int ExpireCodesOf(RosterKind kind, string memberId, DateTimeOffset now) =>
        Expire(_codes.Find(c => c.MemberId == memberId).Where(c => c.Kind == kind), now);

    public int ExpireCodesNotOf(int scheme, DateTimeOffset now) => Expire(_codes.FindAll().Where(c => c.Scheme != scheme), now);

    private int Expire(IEnumerable<LiteBindingCode> codes, DateTimeOffset now)
    {
        // Read in full before updating (an open LiteDB query over the collection would see its own updates).
        var live = codes.Where(c => c.UsedAt is null && c.ExpiresAt > now).ToList();
        foreach (var code in live)
        {
            code.ExpiresAt = now;
            _codes.Update(code);
        }
        return live.Count;
    }

    public BindingAttempts? FindAttempts(string openId) => _attempts.FindById(openId);

    public void SaveAttempts(BindingAttempts attempts) => _attempts.Upsert(attempts);

    public void DeleteAttempts(string openId) => _attempts.Delete(openId);
}

/// <summary>
/// A code as the file keeps it: with the document id LiteDB gave it (files written before the stores were split
/// keep theirs), which <see cref="BindingCode"/> does not carry because PostgreSQL keys codes by their hash.
/// </summary>
public sealed class LiteBindingCode
{
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();

    public string CodeHash { get; set; } = "";

    public int Scheme { get; set; }

    public RosterKind Kind { get; set; }

    public string MemberId { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public static LiteBindingCode Of(BindingCode code) => new()
    {
        CodeHash = code.CodeHash, Scheme = code.Scheme, Kind = code.Kind, MemberId = code.MemberId, ExpiresAt = code.ExpiresAt, UsedAt = code.UsedAt,
    };

    public BindingCode ToCode() => new()
    {
        CodeHash = CodeHash, Scheme = Scheme, Kind = Kind, MemberId = MemberId, ExpiresAt = ExpiresAt, UsedAt = UsedAt,
    };
}
