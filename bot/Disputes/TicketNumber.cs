using System.Globalization;

namespace ChatAssistant.Disputes;

/// <summary>Ticket numbers: "QQ" (亲青) and the record id.</summary>
public static class TicketNumber
{
    public static string Format(int id) => "QQ" + id.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The id in "QQ000012" (or "qq12"), or null.</summary>
    public static int? Parse(string? number)
    {
        var s = (number ?? "").Trim();
        if (s.StartsWith("QQ", StringComparison.OrdinalIgnoreCase)) s = s[2..];
        return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
