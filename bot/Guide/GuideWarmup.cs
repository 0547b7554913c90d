using ChatAssistant.Knowledge;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Guide;

/// <summary>
/// Loads the guide when the server starts, so a content error stops the start-up naming its file and entry, and so
/// does a <c>Guide:MenuEntries</c> id the guide does not have (the 志愿指南 menu would silently leave it out).
/// </summary>
internal sealed class GuideWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Check(services);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The check itself, which the server's start-up also runs before the host starts (<c>Cli</c>): a hosted
    /// service that throws makes the host log its stack trace ahead of our message.
    /// </summary>
    public static void Check(IServiceProvider services)
    {
        // Every account's overlaid guide is built now, so an overlay's content error stops the start-up too.
        var guide = services.GetRequiredService<GuideLibrary>().Shared;
        var menu = services.GetRequiredService<IOptions<GuideOptions>>().Value.MenuEntries;
        var unknown = menu.Select((id, i) => (id, i)).Where(e => guide.Find(e.id) is null)
            .Select(e => $"Setting 'Guide:MenuEntries:{e.i}' names '{e.id}', which is not an entry id of the guide; use an id from GET /api/staff/guide/entries.")
            .ToList();
        if (unknown.Count > 0) throw new OptionsValidationException("Guide", typeof(GuideOptions), unknown);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
