namespace ChatAssistant.Disputes;

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
