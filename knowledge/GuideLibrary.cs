using System.Collections.Frozen;

namespace ChatAssistant.Knowledge;

/// <summary>
/// The guide each account answers with: the shared guide (<c>Guide:ContentDirectory</c>), or for an Official Account
/// with a <c>GuideOverlay</c> folder the shared guide with that account's overlay over it (entries added, replaced or
/// hidden: 嵊州 answers 爱心超市 with its own tiers, 金华 answers 益币). Chosen by the turn's channel id, so an
/// account's users only ever get its own answers. Each overlaid guide is an index of its own (a few MB).
/// </summary>
public sealed class GuideLibrary
{
    private readonly FrozenDictionary<string, KnowledgeBase> _byChannel;

    public GuideLibrary(KnowledgeBase shared, IReadOnlyDictionary<string, KnowledgeBase> byChannel)
    {
        Shared = shared;
        _byChannel = byChannel.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The guide of every channel without an overlay.</summary>
    public KnowledgeBase Shared { get; }

    /// <summary>Every guide served: the shared one, then each overlaid one.</summary>
    public IEnumerable<KnowledgeBase> All => [Shared, .. _byChannel.Values];

    /// <summary>The guide of the channel <paramref name="channelId"/> (an account's, or the shared one).</summary>
    public KnowledgeBase For(string? channelId) => channelId is not null && _byChannel.TryGetValue(channelId, out var own) ? own : Shared;

    /// <summary>Reloads every guide; the first failure is returned (the failed ones keep serving their old index).</summary>
    public ReloadResult Reload()
    {
        ReloadResult? first = null;
        foreach (var guide in All)
        {
            var result = guide.Reload();
            if (first is null || (first.Succeeded && !result.Succeeded)) first = result;
        }
        return first!;
    }
}
