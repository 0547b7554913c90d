using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Conversation;

/// <summary>
/// Runs each turn in one shared, read-only <see cref="CultureInfo"/> for the activity's locale. Bot.Builder
/// sets the turn's culture to <c>new CultureInfo(activity.Locale)</c>, a fresh instance every turn, so the first
/// number parsed or formatted in each turn rebuilt its NumberFormatInfo from ICU (3.8 % of the server's CPU in
/// the load profile, docs/PERFORMANCE.md). The shared instance has it built once.
/// </summary>
public sealed class TurnCultureMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    private static readonly ConcurrentDictionary<string, CultureInfo?> Cultures = new(StringComparer.OrdinalIgnoreCase);

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var locale = turnContext.Activity.Locale;
        if (!string.IsNullOrEmpty(locale) && Shared(locale) is { } culture)
        {
            // CurrentCulture flows with the async turn from here on.
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }
        return next(cancellationToken);
    }

    /// <summary>The cached culture for <paramref name="locale"/>; null for a name that is not a culture (left as Bot.Builder set it).</summary>
    private static CultureInfo? Shared(string locale)
    {
        if (Cultures.TryGetValue(locale, out var known)) return known;
        CultureInfo? culture;
        try { culture = CultureInfo.GetCultureInfo(locale); }
        catch (CultureNotFoundException) { culture = null; }
        // Channels set the locale, not users; the bound only guards against a channel that passes anything through.
        if (Cultures.Count < MaxCultures) Cultures.TryAdd(locale, culture);
        return culture;
    }

    private const int MaxCultures = 32;
}
