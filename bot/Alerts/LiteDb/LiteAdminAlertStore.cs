using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Alerts.LiteDb;

/// <summary>The admin alerts as a LiteDB collection (<c>admin_alerts</c>), ids kept as the file's <c>ObjectId</c>s.</summary>
public sealed class LiteAdminAlertStore : IAdminAlertStore
{
    public const string Collection = "admin_alerts";

    private readonly LiteObjectIdDocuments<AdminAlert> _alerts;

    public LiteAdminAlertStore(ILiteDatabase db)
    {
        _alerts = Documents(db);
        _alerts.Collection.EnsureIndex(nameof(AdminAlert.At));
    }

    /// <summary>The alerts of a file, as records (also for <c>records copy</c>).</summary>
    public static LiteObjectIdDocuments<AdminAlert> Documents(ILiteDatabase db) => new(db, Collection);

    public void Add(AdminAlert alert)
    {
        alert.Id = RecordIds.New(alert.At);
        _alerts.Insert(alert);
    }

    public int DeleteBefore(DateTimeOffset cutoff) => _alerts.Collection.DeleteMany(BsonExpression.Create(nameof(AdminAlert.At) + " < @0", _alerts.Value(cutoff)));

    public IReadOnlyList<AdminAlert> Recent(int limit) =>
        _alerts.Collection.Query().OrderByDescending(nameof(AdminAlert.At)).Limit(limit).ToList().Select(_alerts.ToRecord).ToList();

    public bool RaisedSince(string kind, DateTimeOffset since) =>
        _alerts.Collection.Exists(BsonExpression.Create($"{nameof(AdminAlert.Kind)} = @0 AND {nameof(AdminAlert.At)} >= @1", kind, _alerts.Value(since)));
}
