namespace ChatAssistant.Escalation;

/// <summary>What <see cref="HandoffStateWriter.SetAsync"/> did.</summary>
public enum HandoffFlagWrite
{
    Changed,
    AlreadySo,
    NotWritten,
}
