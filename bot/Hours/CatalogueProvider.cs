using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Hours;

/// <summary>
/// Serves the catalogue file and re-reads it when staff save a new version. A broken edit is logged and the
/// last good catalogue stays in use, so a typo never empties the 爱心超市.
/// </summary>
public sealed class CatalogueProvider
{
    private readonly Lock _gate = new();
    private readonly Func<string> _path;
    private readonly ILogger log;
    private Catalogue _current = Catalogue.Empty;
    private DateTime _loadedWriteTime = DateTime.MinValue;

    /// <summary>The shared catalogue, <c>Hours:CatalogueFile</c>.</summary>
    public CatalogueProvider(IOptions<HoursOptions> options, ILogger<CatalogueProvider> log)
        : this(() => options.Value.CataloguePath, log)
    {
    }

    private CatalogueProvider(Func<string> path, ILogger log)
    {
        _path = path;
        this.log = log;
    }

    /// <summary>The catalogue of one file (an Official Account's own, <c>WeChat:Accounts:{name}:Catalogue</c>).</summary>
    public static CatalogueProvider ForFile(string path, ILogger log) => new(() => path, log);

    /// <summary>The file being served.</summary>
    public string Path => _path();

    /// <summary>The latest good catalogue (empty when the file was never readable).</summary>
    public Catalogue Current
    {
        get
        {
            var writeTime = File.Exists(Path) ? File.GetLastWriteTimeUtc(Path) : DateTime.MinValue;
            lock (_gate)
            {
                if (writeTime == _loadedWriteTime) return _current;
                _loadedWriteTime = writeTime;
                try
                {
                    _current = Catalogue.Parse(File.ReadAllText(Path));
                    log.LogInformation("Catalogue loaded: {ItemCount} items", _current.Items.Count);
                }
                catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
                {
                    log.LogError("Catalogue {Path} not usable, keeping the previous one: {Problem}", Path, e.Message);
                }
                return _current;
            }
        }
    }

    /// <summary>Checks a catalogue file without serving it; null when it is fine, else the problems.</summary>
    public static string? Check(string path)
    {
        try
        {
            _ = Catalogue.Parse(File.ReadAllText(path));
            return null;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
