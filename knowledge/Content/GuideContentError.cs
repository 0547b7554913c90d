namespace ChatAssistant.Knowledge.Content;

/// <summary>One problem found in a content file: which file, which entry (when known), which line (when known).</summary>
public sealed record GuideContentError(string File, string? EntryId, long? Line, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = File;
        if (Line is { } line)
        {
            where += $":{line}";
        }

        if (EntryId is not null)
        {
            where += $" (entry '{EntryId}')";
        }

        return $"{where}: {Message}";
    }
}
