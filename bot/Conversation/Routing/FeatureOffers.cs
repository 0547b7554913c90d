using ChatAssistant.Knowledge;

namespace ChatAssistant.Conversation.Routing;

/// <summary>
/// What follows the guide's answer to a question about a feature: the feature as an offer (「想现在兑换，回复「兑换」。」)
/// to a user who can use it, or how to bind to one who cannot. The features say which guide entries are about them
/// (<see cref="Intent.GuideEntries"/>).
/// </summary>
public sealed class FeatureOffers
{
    private readonly Dictionary<string, Intent> _byEntry = new(StringComparer.OrdinalIgnoreCase);

    public FeatureOffers(IntentRouter router)
    {
        foreach (var intent in router.Intents)
            foreach (var entry in intent.GuideEntries)
                if (!_byEntry.TryAdd(entry, intent))
                    throw new InvalidOperationException($"Guide entry '{entry}' is claimed by both '{_byEntry[entry].Id}' and '{intent.Id}'.");
    }

    /// <summary>The feature the entry answers questions about, or null.</summary>
    public Intent? FeatureOf(string entryId) => _byEntry.GetValueOrDefault(entryId);

    /// <summary>
    /// The line that follows <paramref name="entry"/>'s answer for a user of <paramref name="roles"/>, or null: how to
    /// bind when the feature needs a role the user does not have, else the offer — unless the answer already tells
    /// which reply to send (「回复“兑换”…」).
    /// </summary>
    public string? After(GuideEntry entry, UserRoles roles)
    {
        if (FeatureOf(entry.Id) is not { } intent) return null;
        if (intent.ForRole != UserRoles.None && !roles.HasFlag(intent.ForRole)) return intent.BindHint;
        if (intent.Offer is not { } offer) return null;
        var said = entry.Answer.Contains($"“{offer.Reply}”", StringComparison.Ordinal) || entry.Answer.Contains($"「{offer.Reply}」", StringComparison.Ordinal);
        return said ? null : offer.Text;
    }
}
