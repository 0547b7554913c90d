namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>Reads the payload files in Adapters/WeChat/Payloads (copied to the output folder) and fills their placeholders.</summary>
internal static class Payloads
{
    public static string Read(string name, IDictionary<string, string>? values = null)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Adapters", "WeChat", "Payloads", name));
        foreach (var (key, value) in values ?? new Dictionary<string, string>()) text = text.Replace("{" + key + "}", value);
        return text;
    }
}
