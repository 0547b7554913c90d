using ChatAssistant.Adapters.WeChat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Hours;

/// <summary>
/// The 爱心超市 catalogue each channel's users redeem from: an Official Account's own file
/// (<c>WeChat:Catalogue</c> for the default account, <c>WeChat:Accounts:{name}:Catalogue</c>), else the shared
/// <c>Hours:CatalogueFile</c>. The points are the volunteer's wherever they redeem; what they buy and where they pick
/// it up is the account's (嵊州's tiers of 5–300 points are not 金华's).
/// </summary>
public sealed class CatalogueLibrary
{
    private readonly Dictionary<string, CatalogueProvider> _byChannel = new(StringComparer.Ordinal);

    public CatalogueLibrary(CatalogueProvider shared, IOptions<WeChatOptions>? wechat, ILogger<CatalogueProvider> log)
    {
        Shared = shared;
        var section = wechat?.Value;
        if (section is null) return;
        var errors = new List<string>();
        Add(WeChatAdapter.ChannelId, section.Catalogue, $"{WeChatOptions.Section}:Catalogue");
        foreach (var (name, own) in section.Accounts)
            Add(WeChatAccount.Configured(name, section).ChannelId, own.Catalogue, $"{WeChatOptions.Section}:Accounts:{name}:Catalogue");
        if (errors.Count > 0) throw new OptionsValidationException(WeChatOptions.Section, typeof(WeChatOptions), errors);

        void Add(string channelId, string? file, string setting)
        {
            if (string.IsNullOrWhiteSpace(file)) return;
            var path = Path.GetFullPath(file);
            // Checked at start like the shared one: a broken file stops the start-up naming its setting.
            if (CatalogueProvider.Check(path) is { } problem) errors.Add($"Setting '{setting}': the catalogue {path} is not usable ({problem}).");
            else _byChannel[channelId] = CatalogueProvider.ForFile(path, log);
        }
    }

    /// <summary>The shared catalogue (<c>Hours:CatalogueFile</c>), which staff edit in the console.</summary>
    public CatalogueProvider Shared { get; }

    /// <summary>The catalogue of the channel <paramref name="channelId"/>.</summary>
    public CatalogueProvider For(string? channelId) => channelId is not null && _byChannel.TryGetValue(channelId, out var own) ? own : Shared;
}
