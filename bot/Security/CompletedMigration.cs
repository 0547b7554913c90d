namespace ChatAssistant.Security;

/// <summary>A one-time data migration that has run to the end (collection <c>migrations</c>), so it does not run again.</summary>
public sealed class CompletedMigration
{
    /// <summary>Which migration, e.g. "field-binding:dispute_tickets".</summary>
    public string Id { get; set; } = "";

    public DateTimeOffset CompletedAt { get; set; }

    /// <summary>How many values it changed.</summary>
    public int Changed { get; set; }
}
