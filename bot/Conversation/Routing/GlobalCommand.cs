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
        // How people say it without the exact word: going back to the menu, giving up.
        ["返回"] = GlobalCommand.Help, ["返回菜单"] = GlobalCommand.Help, ["返回主菜单"] = GlobalCommand.Help, ["回到菜单"] = GlobalCommand.Help,
        ["回主菜单"] = GlobalCommand.Help, ["回到主菜单"] = GlobalCommand.Help, ["back"] = GlobalCommand.Help,
        ["不要了"] = GlobalCommand.Cancel, ["不弄了"] = GlobalCommand.Cancel, ["不用了"] = GlobalCommand.Cancel, ["算了"] = GlobalCommand.Cancel,
        ["我要退出"] = GlobalCommand.Cancel, ["不想办了"] = GlobalCommand.Cancel,
    };

    // Trailing particles that do not change the command: "退出吧", "取消啊", "菜单呀".
    private const string Particles = "吧啊了呀呢哦嘛";

    /// <summary>The command <paramref name="text"/> is, or <see cref="GlobalCommand.None"/>.</summary>
    public static GlobalCommand Parse(string? text)
    {
        var raw = (text ?? "").Trim();
        if (raw is "?" or "？") return GlobalCommand.Help;
        var s = Replies.Normalize(raw);
        if (s.Length == 0) return GlobalCommand.None;
        if (Exact.TryGetValue(s, out var command)) return command;
        // One particle at a time, so "算了吧" finds "算了" before "算".
        for (var bare = s; bare.Length > 1 && Particles.Contains(bare[^1], StringComparison.Ordinal);)
        {
            bare = bare[..^1];
            if (Exact.TryGetValue(bare, out command)) return command;
        }
        if (s.Length <= 12 && (s.Contains("转人工", StringComparison.Ordinal) || s.Contains("人工客服", StringComparison.Ordinal)))
            return GlobalCommand.Human;
        return GlobalCommand.None;
    }
}
