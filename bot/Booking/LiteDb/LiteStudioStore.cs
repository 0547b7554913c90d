using ChatAssistant.Storage;
using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking.LiteDb;

/// <summary>
/// Studios in LiteDB: validated writes, and the demo studio when there is none. The active studios are kept in memory
/// until this store writes one: safe only because one process owns the LiteDB file.
/// </summary>
public sealed class LiteStudioStore : IStudioStore
{
    public const string Collection = "duty_studios";

    private readonly ILiteCollection<Studio> _studios;

    // Every slot offer needs the active studios; they change only through this store, so they are read once
    // per change (a LiteDB query and its deserialisation saved per offer).
    private readonly CachedUntilWrite<IReadOnlyList<Studio>> _active;

    public LiteStudioStore(ILiteDatabase db, IOptions<BookingOptions> options, ILogger<LiteStudioStore> log)
    {
        _studios = db.GetCollection<Studio>(Collection);
        _active = new(() => _studios.FindWhere(LiteQuery.Is(nameof(Studio.Active), true)).OrderBy(s => s.Id).ToList().AsReadOnly());
        _studios.EnsureIndex(s => s.County);
        if (options.Value.SeedDemoStudio && _studios.Count() == 0)
        {
            _studios.Insert(StudioRules.DemoStudio());
            log.LogInformation("Seeded the demo studio");
        }
    }

    /// <summary>The stored studio (a copy the caller may change and pass to <see cref="Update"/>).</summary>
    public Studio? Find(int id) => _studios.FindById(id);

    /// <summary>
    /// The studio for reading in a chat turn: from the active snapshot (shared, must not be changed), or from
    /// the store for an inactive one. Saves a LiteDB read on every booking confirmation.
    /// </summary>
    public Studio? Read(int id)
    {
        foreach (var studio in Active())
            if (studio.Id == id) return studio;
        return Find(id);
    }

    /// <summary>All studios, or those of one county.</summary>
    public IReadOnlyList<Studio> All(string? county = null) =>
        (county is null ? _studios.FindAll() : _studios.FindWhere(LiteQuery.Is(nameof(Studio.County), county))).OrderBy(s => s.Id).ToList();

    /// <summary>The active studios, oldest first: a shared snapshot that callers must not change.</summary>
    public IReadOnlyList<Studio> Active() => _active.Get();

    private void Changed() => _active.Drop();

    /// <summary>Creates a studio; throws <see cref="ArgumentException"/> with a message staff can read.</summary>
    public Studio Create(Studio studio)
    {
        StudioRules.Validate(studio);
        studio.Id = 0;
        _studios.Insert(studio);
        Changed();
        return studio;
    }

    /// <summary>Replaces a studio's settings; false when it does not exist.</summary>
    public bool Update(Studio studio)
    {
        StudioRules.Validate(studio);
        var updated = _studios.Update(studio);
        Changed();
        return updated;
    }

    public bool Delete(int id)
    {
        var deleted = _studios.Delete(id);
        Changed();
        return deleted;
    }
}
