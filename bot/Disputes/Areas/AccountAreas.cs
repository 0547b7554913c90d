using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Staff;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Disputes;

/// <summary>
/// The counties each account's help requests list: every configured county (<c>Disputes:Cities</c>), or for an
/// Official Account with <c>Counties</c> only those, under their cities, 其他地区 last. Chosen by the turn's channel id.
/// </summary>
/// <remarks>
/// As <see cref="IScopeAreas"/> it also says which counties a city's staff see: a staff scope naming an account (e.g.
/// <c>jinhua</c>, or <c>default</c>) covers that account's counties.
/// </remarks>
public sealed class AccountAreas : IScopeAreas
{
    private readonly Dictionary<string, CountyDirectory> _byChannel;
    private readonly Dictionary<string, CountyDirectory> _byAccount;

    public AccountAreas(CountyDirectory all, IReadOnlyDictionary<string, CountyDirectory> byChannel, IReadOnlyDictionary<string, CountyDirectory>? byAccount = null)
    {
        All = all;
        _byChannel = new Dictionary<string, CountyDirectory>(byChannel, StringComparer.Ordinal);
        _byAccount = new Dictionary<string, CountyDirectory>(byAccount ?? new Dictionary<string, CountyDirectory>(), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string>? CountiesOf(string scopeName) =>
        _byAccount.TryGetValue(scopeName, out var own)
            ? own.Groups.SelectMany(g => g.Counties).Select(c => c.Label).ToList()
            : null;

    /// <summary>Every configured county: the list of channels without their own.</summary>
    public CountyDirectory All { get; }

    /// <summary>
    /// The counties an account of <paramref name="channelId"/> names itself (<c>Counties</c>), or null when it names none
    /// (it serves every county): what a feature filters by when things belong to an account (its studios).
    /// </summary>
    public IReadOnlySet<string>? OwnCounties(string? channelId) =>
        channelId is not null && _byChannel.TryGetValue(channelId, out var own)
            ? own.Groups.SelectMany(g => g.Counties).Select(c => c.Label).ToHashSet(StringComparer.Ordinal)
            : null;

    /// <summary>The counties of the channel <paramref name="channelId"/>.</summary>
    public CountyDirectory For(string? channelId) => channelId is not null && _byChannel.TryGetValue(channelId, out var own) ? own : All;

    /// <summary>
    /// The areas of <paramref name="wechat"/>'s accounts over <paramref name="all"/>. A county an account names that no
    /// city of <c>Disputes:Cities</c> has stops the start-up, naming the setting.
    /// </summary>
    public static AccountAreas Build(CountyDirectory all, WeChatOptions? wechat)
    {
        var byChannel = new Dictionary<string, CountyDirectory>(StringComparer.Ordinal);
        var byAccount = new Dictionary<string, CountyDirectory>(StringComparer.Ordinal);
        var errors = new List<string>();
        if (wechat is not null)
        {
            Add(WeChatAccount.DefaultName, WeChatAdapter.ChannelId, wechat.Counties, $"{WeChatOptions.Section}:Counties");
            foreach (var (name, own) in wechat.Accounts)
                Add(name, WeChatAccount.Configured(name, wechat).ChannelId, own.Counties, $"{WeChatOptions.Section}:Accounts:{name}:Counties");
        }
        if (errors.Count > 0) throw new OptionsValidationException(WeChatOptions.Section, typeof(WeChatOptions), errors);
        return new AccountAreas(all, byChannel, byAccount);

        void Add(string name, string channelId, List<string> counties, string setting)
        {
            byAccount[name] = all;
            if (counties.Count == 0) return;
            var known = all.Groups.SelectMany(g => g.Counties).Select(c => c.Label).ToHashSet(StringComparer.Ordinal);
            foreach (var county in counties.Where(c => !known.Contains(c.Trim())))
                errors.Add($"Setting '{setting}' names {county}, which is not a county of Disputes:Cities; use the county's full name as listed there (e.g. 天台县).");
            byChannel[channelId] = byAccount[name] = all.Only(counties.Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal));
        }
    }
}
