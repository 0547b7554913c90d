namespace ChatAssistant.Disputes;

/// <summary>The purposes (associated data) of a help request's encrypted fields.</summary>
public static class FieldPurpose
{
    public const string Description = "dispute.description";
    public const string Phone = "dispute.phone";
    public const string Name = "dispute.name";
    public const string Entry = "dispute.entry";
}
