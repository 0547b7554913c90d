using System.Globalization;

namespace ChatAssistant.Booking;

/// <summary>A duty slot of a studio; slots are computed from the weekly pattern, not stored.</summary>
public sealed record DutySlot(int StudioId, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>A compact reference a chat option can carry: "studioId:unixSeconds".</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{StudioId}:{Start.ToUnixTimeSeconds()}");

    /// <summary>Reads a <see cref="Key"/>; false when it is malformed.</summary>
    public static bool TryParseKey(string? key, out int studioId, out DateTimeOffset start)
    {
        studioId = 0;
        start = default;
        var parts = (key ?? "").Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out studioId)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        start = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}

/// <summary>A slot with its studio and how many places are taken.</summary>
public sealed record SlotAvailability(DutySlot Slot, Studio Studio, int Taken)
{
    public int Free => Math.Max(0, Studio.PlacesPerSlot - Taken);
}
