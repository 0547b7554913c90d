
namespace ChatAssistant.Staff;

/// <summary>A console session that was signed out: its cookie no longer counts, until it would have expired.</summary>
public sealed class EndedSession
{
    /// <summary>The session's id (the <c>sid</c> claim of its cookie).</summary>
    public string Id { get; set; } = "";

    public DateTimeOffset Until { get; set; }
}
