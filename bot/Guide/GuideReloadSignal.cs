using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Knowledge;

namespace ChatAssistant.Guide;

/// <summary>
/// A guide reload reaches every instance: the instance an admin asked reloads and broadcasts <see cref="Topic"/>;
/// the others re-read the same content (every instance must serve the same <c>Guide:ContentDirectory</c>: a shared
/// volume, or the same release on each machine).
/// </summary>
internal sealed class GuideReloadSignal(GuideLibrary guide, IClusterSignals signals, ILogger<GuideReloadSignal> log) : IHostedService
{
    public const string Topic = "guide-reload";

    /// <summary>Reloads here and, when that worked, tells the other instances to do the same.</summary>
    public static ReloadResult ReloadEverywhere(GuideLibrary guide, IClusterSignals signals)
    {
        var result = guide.Reload();
        if (result.Succeeded) signals.Broadcast(Topic, "");
        return result;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        signals.Subscribe(Topic, _ =>
        {
            var result = guide.Reload();
            if (result.Succeeded) log.LogInformation("Guide reloaded on another instance's signal");
            else log.LogError("Guide reload on another instance's signal failed here; the old index keeps serving");
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
