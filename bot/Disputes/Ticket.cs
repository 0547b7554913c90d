using LiteDB;

namespace ChatAssistant.Disputes;

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
