using ChatAssistant.Conversation.Routing;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Disputes;

/// <summary>
/// The crisis words of the content file (staff edit it), re-read when the file changes. If the file is
/// missing or empty a built-in list is used, because crisis detection must never silently switch off.
/// </summary>
public sealed class CrisisWords
{
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(30);
    // "想去死" needs 去死 (想死 is not a substring of it); phrases like 累死了 or 笑死 contain none of these.
    private static readonly string[] BuiltIn =
    [
        "自杀", "轻生", "想死", "去死", "死了算了", "不想活", "活不下去", "跳楼", "跳河", "跳江", "上吊", "割脉", "割腕",
        "烧炭", "吞药", "安眠药", "遗书", "被打", "家暴", "性侵",
    ];

    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly ILogger<CrisisWords> _log;
    private readonly Lock _gate = new();
    private string[] _words = [];
    private DateTime _loadedWriteTime = DateTime.MinValue;
    private DateTimeOffset _nextCheck = DateTimeOffset.MinValue;

    public CrisisWords(IOptions<DisputeOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<CrisisWords> log)
    {
        _path = options.Value.CrisisWordsFile is { Length: > 0 } file
            ? Path.GetFullPath(file)
            : Path.Combine(environment.ContentRootPath, "Disputes", "crisis-words.txt");
        _time = time;
        _log = log;
        Reload();
    }

    /// <summary>The words in use.</summary>
    public IReadOnlyList<string> Words
    {
        get
        {
            RefreshIfChanged();
            return _words;
        }
    }

    /// <summary>True when <paramref name="text"/> contains a crisis word, ignoring spaces, punctuation and case.</summary>
    public bool Matches(string text)
    {
        var compact = IntentRouter.Compact(text);
        return compact.Length > 0 && Words.Any(w => compact.Contains(w, StringComparison.Ordinal));
    }

    private void RefreshIfChanged()
    {
        var now = _time.GetUtcNow();
        if (now < _nextCheck) return;
        lock (_gate)
        {
            if (now < _nextCheck) return;
            _nextCheck = now + RecheckEvery;
            if (File.Exists(_path) && File.GetLastWriteTimeUtc(_path) != _loadedWriteTime) Reload();
        }
    }

    private void Reload()
    {
        string[] words = [];
        try
        {
            if (File.Exists(_path))
            {
                _loadedWriteTime = File.GetLastWriteTimeUtc(_path);
                words = File.ReadAllLines(_path)
                    .Select(l => l.Trim())
                    .Where(l => l.Length > 0 && !l.StartsWith('#'))
                    .Select(IntentRouter.Compact)
                    .Where(w => w.Length > 0)
                    .Distinct(StringComparer.Ordinal)
                    .ToArray();
            }
        }
        catch (IOException e)
        {
            _log.LogError(e, "Could not read the crisis-word file {Path}", _path);
        }
        if (words.Length == 0)
        {
            _log.LogError("The crisis-word file {Path} is missing or empty; using the built-in list", _path);
            words = BuiltIn;
        }
        _words = words;
    }
}
