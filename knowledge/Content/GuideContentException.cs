namespace ChatAssistant.Knowledge.Content;

/// <summary>The guide content did not validate; the message lists every error with its file, entry and line.</summary>
public sealed class GuideContentException : Exception
{
    /// <summary>Creates the exception from the errors found (at least one).</summary>
    public GuideContentException(IReadOnlyList<GuideContentError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found, in file order.</summary>
    public IReadOnlyList<GuideContentError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<GuideContentError> errors) =>
        $"Guide content has {errors.Count} error(s):{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
