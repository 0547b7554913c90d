using ChatAssistant.Knowledge.Safety;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Safety;

/// <summary>
/// The crisis check as the bot uses it: the lexicon file staff edit (re-read when it changes; a broken edit is
/// logged and the previous lexicon keeps working) with the model shipped in the program. With no readable file at
/// all, the lexicon shipped in the program is used: the check must never silently switch off.
/// </summary>
public sealed class CrisisDetector
{
    private readonly string? _path;
    private readonly TimeSpan _recheckEvery;
    private readonly TimeProvider _time;
    private readonly ILogger<CrisisDetector> _log;
    private readonly Lock _gate = new();
    private CrisisClassifier _classifier;
    private DateTime _loadedWriteTime = DateTime.MinValue;
    private DateTimeOffset _nextCheck = DateTimeOffset.MinValue;

    public CrisisDetector(IOptions<SafetyOptions> options, TimeProvider time, ILogger<CrisisDetector> log)
    {
        _time = time;
        _log = log;
        _recheckEvery = options.Value.RecheckEvery;
        var directory = options.Value.CrisisDirectory is { Length: > 0 } configured ? configured : TryResolve();
        _path = directory is null ? null : Path.GetFullPath(Path.Combine(directory, CrisisLexiconLoader.FileName));
        _classifier = LoadFromFile() ?? Embedded();
        _nextCheck = time.GetUtcNow() + _recheckEvery;
    }

    /// <summary>The lexicon in use (for tests and the review tools).</summary>
    public CrisisLexicon Lexicon => Current.Lexicon;

    public CrisisAssessment Assess(string text) => Current.Assess(text);

    private CrisisClassifier Current
    {
        get
        {
            var now = _time.GetUtcNow();
            if (now < _nextCheck || _path is null) return _classifier;
            lock (_gate)
            {
                if (now < _nextCheck) return _classifier;
                _nextCheck = now + _recheckEvery;
                if (File.Exists(_path) && File.GetLastWriteTimeUtc(_path) != _loadedWriteTime && LoadFromFile() is { } fresh)
                {
                    _classifier = fresh;
                    _log.LogInformation("Crisis lexicon reloaded from {Path}", _path);
                }
            }
            return _classifier;
        }
    }

    private CrisisClassifier? LoadFromFile()
    {
        if (_path is null || !File.Exists(_path))
        {
            _log.LogError("The crisis lexicon file {Path} is missing; using the lexicon shipped with the program", _path ?? CrisisDirectory.RelativePath);
            return null;
        }
        try
        {
            _loadedWriteTime = File.GetLastWriteTimeUtc(_path);
            var (lexicon, thresholds) = CrisisLexiconLoader.LoadWithThresholds(_path);
            return new CrisisClassifier(lexicon, CrisisModel.Embedded, thresholds);
        }
        catch (Exception e) when (e is CrisisLexiconException or IOException or UnauthorizedAccessException)
        {
            _log.LogError(e, "The crisis lexicon file {Path} could not be used; the lexicon in use stays", _path);
            return null;
        }
    }

    private static CrisisClassifier Embedded() => CrisisClassifier.LoadEmbedded();

    private static string? TryResolve()
    {
        try { return CrisisDirectory.Resolve(); }
        catch (DirectoryNotFoundException) { return null; }
    }
}
