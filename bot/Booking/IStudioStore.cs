namespace ChatAssistant.Booking;

/// <summary>
/// The 团代表工作室 studios (LiteDB: <see cref="LiteDb.LiteStudioStore"/>; PostgreSQL:
/// <see cref="Postgres.PostgresStudioStore"/>): validated writes (<see cref="StudioRules"/>), and the demo studio when there
/// is none and <c>Booking:SeedDemoStudio</c> asks for it.
/// </summary>
public interface IStudioStore
{
    /// <summary>The stored studio (a copy the caller may change and pass to <see cref="Update"/>).</summary>
    Studio? Find(int id);

    /// <summary>The studio for reading in a chat turn (must not be changed: it may be shared).</summary>
    Studio? Read(int id);

    /// <summary>All studios, or those of one county, by id.</summary>
    IReadOnlyList<Studio> All(string? county = null);

    /// <summary>The active studios, oldest first (must not be changed: they may be shared).</summary>
    IReadOnlyList<Studio> Active();

    /// <summary>Creates a studio; throws <see cref="ArgumentException"/> with a message staff can read.</summary>
    Studio Create(Studio studio);

    /// <summary>Replaces a studio's settings; false when it does not exist.</summary>
    bool Update(Studio studio);

    bool Delete(int id);
}
