using LiteDB;

namespace ChatAssistant.OnCall;

/// <summary>The rota lines staff manage in the console (collection <c>oncall_shifts</c>); configuration's lines come first.</summary>
public sealed class OnCallStore
{
    public const string Collection = "oncall_shifts";

    private readonly ILiteCollection<OnCallShift> _shifts;

    public OnCallStore(ILiteDatabase db)
    {
        _shifts = db.GetCollection<OnCallShift>(Collection);
        _shifts.EnsureIndex(s => s.County);
    }

    /// <summary>Every stored line, in the order they were added (the rota's order after configuration's lines).</summary>
    public IReadOnlyList<OnCallShift> All() => _shifts.FindAll().OrderBy(s => s.Id).ToList();

    public OnCallShift? Get(int id) => _shifts.FindById(id);

    public OnCallShift Add(OnCallShift shift)
    {
        ArgumentNullException.ThrowIfNull(shift);
        shift.Id = 0;
        _shifts.Insert(shift);
        return shift;
    }

    public bool Update(OnCallShift shift) => _shifts.Update(shift);

    public bool Delete(int id) => _shifts.Delete(id);
}
