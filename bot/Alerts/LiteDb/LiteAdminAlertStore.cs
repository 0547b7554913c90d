using LiteDB;

namespace ChatAssistant.Alerts.LiteDb;

/// <summary>The admin alerts as a LiteDB collection (<c>admin_alerts</c>).</summary>
public sealed class LiteAdminAlertStore : IAdminAlertStore
{
    public const string Collection = "admin_alerts";

    private readonly ILiteCollection<LiteAdminAlert> _alerts;

    public LiteAdminAlertStore(ILiteDatabase db)
    {
        _alerts = db.GetCollection<LiteAdminAlert>(Collection);
        _alerts.EnsureIndex(a => a.At);
    }

    public void Add(AdminAlert alert)
    {
        var stored = LiteAdminAlert.Of(alert);
        _alerts.Insert(stored);
        alert.Id = stored.Id.ToString();
    }

    public int DeleteBefore(DateTimeOffset cutoff) => _alerts.DeleteMany(a => a.At < cutoff);

    public IReadOnlyList<AdminAlert> Recent(int limit) =>
        _alerts.Query().OrderByDescending(a => a.At).Limit(limit).ToList().Select(a => a.ToAlert()).ToList();

    public bool RaisedSince(string kind, DateTimeOffset since) => _alerts.Exists(a => a.Kind == kind && a.At >= since);

    /// <summary>Every alert of the file, for <c>records copy</c>.</summary>
    public static IEnumerable<AdminAlert> ReadAll(ILiteDatabase db) => db.GetCollection<LiteAdminAlert>(Collection).FindAll().Select(a => a.ToAlert());

    /// <summary>Writes a copied alert with its id, for <c>records copy</c>.</summary>
    public static void Write(ILiteDatabase db, AdminAlert alert) => db.GetCollection<LiteAdminAlert>(Collection).Insert(LiteAdminAlert.Of(alert));
}

/// <summary>An admin alert as the LiteDB file keeps it (<see cref="LiteAdminAlertStore"/>): its id is the document's.</summary>
public sealed class LiteAdminAlert
{
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();

    public DateTimeOffset At { get; set; }

    public string Kind { get; set; } = "";

    public string Message { get; set; } = "";

    public DateTimeOffset? Until { get; set; }

    public static LiteAdminAlert Of(AdminAlert a) => new()
    {
        Id = Storage.LiteQuery.TryParseId(a.Id, out var id) ? id : ObjectId.NewObjectId(), At = a.At, Kind = a.Kind, Message = a.Message, Until = a.Until,
    };

    public AdminAlert ToAlert() => new() { Id = Id.ToString(), At = At, Kind = Kind, Message = Message, Until = Until };
}
