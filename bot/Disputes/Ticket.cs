using System.Globalization;
using LiteDB;

namespace ChatAssistant.Disputes;

/// <summary>Where a help request stands.</summary>
public enum TicketStatus
{
    New,
    Acknowledged,
    InProgress,
    Resolved,
    Closed,
    Withdrawn,
}

/// <summary>What kind of line a ticket's history holds.</summary>
public enum TicketEntryKind
{
    /// <summary>The user added information.</summary>
    UserAddition,

    /// <summary>A staff member's internal note (never shown to the user).</summary>
    StaffNote,

    /// <summary>A staff member's reply sent to the user.</summary>
    StaffReply,
}

/// <summary>One line of a ticket's history. <see cref="Text"/> is encrypted; null once deleted.</summary>
public sealed class TicketEntry
{
    public TicketEntryKind Kind { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>"user" or the staff member's sign-in name.</summary>
    public string Author { get; set; } = "";

    public string? Text { get; set; }

    /// <summary>For replies: whether the channel delivered it, and why not.</summary>
    public bool? Delivered { get; set; }
    public string? DeliveryError { get; set; }
}

/// <summary>
/// A help request (亲青老娘舅). Description, phone, name and history texts are AES-GCM encrypted
/// (<see cref="Security.FieldCipher"/>); everything else is what staff need to sort and route it.
/// </summary>
public sealed class Ticket
{
    public int Id { get; set; }

    /// <summary>The number users and staff quote, e.g. "QQ000012".</summary>
    [BsonIgnore]
    public string Number => TicketNumber.Format(Id);

    /// <summary>The requester on their channel (OpenID on WeChat): needed to list their requests and reply.</summary>
    public string UserId { get; set; } = "";
    public string ChannelId { get; set; } = "";

    /// <summary>The young person's own request, or a parent's for their child (the age band is then the child's).</summary>
    public Filer FiledBy { get; set; }

    public string AgeBand { get; set; } = "";
    public bool GuardianConsent { get; set; }

    /// <summary>
    /// County or district; also the staff scope that may see the ticket. 其他地区 (<see cref="CountyDirectory.IsUnassigned"/>)
    /// is no county's: the default scope's staff see it, as unassigned (<see cref="TicketScope"/>).
    /// </summary>
    public string County { get; set; } = "";
    public string Category { get; set; } = "";
    public bool Anonymous { get; set; }
    public ContactMethod Contact { get; set; }

    public string? Description { get; set; }
    public string? Phone { get; set; }
    public string? Name { get; set; }
    public List<TicketEntry> History { get; set; } = [];

    public TicketStatus Status { get; set; }
    public DateTimeOffset ConsentedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? PersonalDataDeletedAt { get; set; }

    /// <summary>Still waiting for staff (not resolved, closed or withdrawn).</summary>
    [BsonIgnore]
    public bool IsOpen => Status is TicketStatus.New or TicketStatus.Acknowledged or TicketStatus.InProgress;
}

/// <summary>How the user wants to be reached.</summary>
public enum ContactMethod
{
    WeChat,
    Phone,
}

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
