namespace ChatAssistant.Adapters.WeChat;

/// <summary>Reads <c>WeChat:Mode</c>.</summary>
public static class WeChatAccountModes
{
    /// <summary>The setting's words, as an operator writes them (any letter case).</summary>
    public const string Words = "plain, compatible or safe";

    /// <summary>Parses plain, compatible or safe in any letter case; nothing else (no numbers, no other words).</summary>
    public static bool TryParse(string? value, out WeChatAccountMode mode)
    {
        (var ok, mode) = value?.ToLowerInvariant() switch
        {
            "plain" => (true, WeChatAccountMode.Plain),
            "compatible" => (true, WeChatAccountMode.Compatible),
            "safe" => (true, WeChatAccountMode.Safe),
            _ => (false, WeChatAccountMode.Plain),
        };
        return ok;
    }

    /// <summary>The word for <paramref name="mode"/>, as logs and docs write it.</summary>
    public static string Word(this WeChatAccountMode mode) => mode switch
    {
        WeChatAccountMode.Compatible => "compatible",
        WeChatAccountMode.Safe => "safe",
        _ => "plain",
    };
}
