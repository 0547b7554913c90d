using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Conversation.Routing;

/// <summary>The commands that work from anywhere, even in the middle of a flow.</summary>
public enum GlobalCommand
{
    None,
    Cancel,
    Help,
    Human,
    Resume,
}

/// <summary>Recognises global commands. Only a whole short message counts, so "取消值班" stays a booking request.</summary>
public static class GlobalCommands
{
    private static readonly Dictionary<string, GlobalCommand> Exact = new(StringComparer.OrdinalIgnoreCase)
    {
        ["取消"] = GlobalCommand.Cancel, ["退出"] = GlobalCommand.Cancel, ["不办了"] = GlobalCommand.Cancel,
        ["cancel"] = GlobalCommand.Cancel, ["quit"] = GlobalCommand.Cancel, ["stop"] = GlobalCommand.Cancel,
        ["帮助"] = GlobalCommand.Help, ["菜单"] = GlobalCommand.Help, ["主菜单"] = GlobalCommand.Help, ["功能"] = GlobalCommand.Help,
        ["help"] = GlobalCommand.Help, ["menu"] = GlobalCommand.Help, ["?"] = GlobalCommand.Help, ["？"] = GlobalCommand.Help,
        ["你能做什么"] = GlobalCommand.Help, ["能做什么"] = GlobalCommand.Help,
        ["转人工"] = GlobalCommand.Human, ["人工"] = GlobalCommand.Human, ["人工客服"] = GlobalCommand.Human, ["人工服务"] = GlobalCommand.Human,
        ["找人工"] = GlobalCommand.Human, ["human"] = GlobalCommand.Human, ["agent"] = GlobalCommand.Human,
        ["继续"] = GlobalCommand.Resume, ["continue"] = GlobalCommand.Resume, ["resume"] = GlobalCommand.Resume,
    };

    /// <summary>The command <paramref name="text"/> is, or <see cref="GlobalCommand.None"/>.</summary>
    public static GlobalCommand Parse(string? text)
    {
        var raw = (text ?? "").Trim();
        if (raw is "?" or "？") return GlobalCommand.Help;
        var s = Replies.Normalize(raw);
        if (s.Length == 0) return GlobalCommand.None;
        if (Exact.TryGetValue(s, out var command)) return command;
        if (s.Length <= 12 && (s.Contains("转人工", StringComparison.Ordinal) || s.Contains("人工客服", StringComparison.Ordinal)))
            return GlobalCommand.Human;
        return GlobalCommand.None;
    }
}
