using ChatAssistant.Knowledge;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Guide.Editing;

/// <summary>
/// Reloads this instance's guide when the records say a change was published that it has not loaded: a reload signal
/// lost while Redis was away, or an import run from the command line. Checks every <c>Guide:PublishedCheckInterval</c>.
/// </summary>
internal sealed class GuidePublishedWatch(GuideRevisions revisions, GuideLibrary guides, IOptions<GuideOptions> options, TimeProvider time, ILogger<GuidePublishedWatch> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PublishedCheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Compared with what the guide last loaded (also by a reload signal), so a change is loaded once.
                if (Read() is not { } now || now == revisions.LoadedVersion) continue;
                var result = guides.Reload();
                if (result.Succeeded) log.LogInformation("Guide reloaded: a change was published on another instance");
                else log.LogError("Guide reload after a change published elsewhere failed here; the old index keeps serving");
            }
        }
        catch (OperationCanceledException) { }
    }

    // The records' version, or null when they cannot be read now (tried again at the next tick).
    private int? Read()
    {
        try
        {
            return revisions.Version();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not read the guide's published version; trying again later");
            return null;
        }
    }
}
