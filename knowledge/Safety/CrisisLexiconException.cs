namespace ChatAssistant.Knowledge.Safety;

/// <summary>The lexicon file has errors; the message lists every one (file, entry, what is wrong).</summary>
public sealed class CrisisLexiconException(IReadOnlyList<string> errors)
    : Exception("Crisis lexicon errors:\n" + string.Join('\n', errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
