namespace ChatAssistant.Storage;

/// <summary>A record of a short list staff keep in the console (quick replies, on-call lines): numbered, edited whole.</summary>
public interface IListedRecord
{
    int Id { get; set; }
}
