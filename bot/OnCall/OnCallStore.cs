using ChatAssistant.Storage;

namespace ChatAssistant.OnCall;

/// <summary>The rota lines staff manage in the console (a list in the records, <c>oncall_shifts</c>); configuration's lines come first.</summary>
public sealed class OnCallStore(IRecordList<OnCallShift> shifts)
{
    public const string Collection = "oncall_shifts";

    /// <summary>Every stored line, in the order they were added (the rota's order after configuration's lines).</summary>
    public IReadOnlyList<OnCallShift> All() => shifts.All();

    public OnCallShift? Get(int id) => shifts.Get(id);

    public OnCallShift Add(OnCallShift shift)
    {
        ArgumentNullException.ThrowIfNull(shift);
        return shifts.Add(shift);
    }

    public bool Update(OnCallShift shift) => shifts.Update(shift);

    public bool Delete(int id) => shifts.Delete(id);
}
