using System.Text.Json;

namespace ChatAssistant.Adapters.WeCom.Fake;

/// <summary>One call the fake WeCom API received (a token request has no body: <see cref="Body"/> is undefined).</summary>
public sealed record FakeWeComCall(string Path, string? AccessToken, JsonElement Body, int ErrCode, DateTimeOffset At)
{
    /// <summary>The members a send went to (<c>touser</c> split on <c>|</c>) or a card update named (<c>userids</c>).</summary>
    public IReadOnlyList<string> Users =>
        Body.ValueKind != JsonValueKind.Object ? []
        : Body.TryGetProperty("touser", out var t) ? (t.GetString() ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries)
        : Body.TryGetProperty("userids", out var u) && u.ValueKind == JsonValueKind.Array ? u.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
        : [];

    public string? MsgType => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("msgtype", out var m) ? m.GetString() : null;

    /// <summary>The text of a text message.</summary>
    public string? Text => MsgType == "text" && Body.TryGetProperty("text", out var t) ? t.GetProperty("content").GetString() : null;

    /// <summary>The template card of a card message.</summary>
    public JsonElement? Card => MsgType == "template_card" && Body.TryGetProperty("template_card", out var c) ? c : null;

    /// <summary>The key of the card's first button.</summary>
    public string? ButtonKey => Card is { } c && c.TryGetProperty("button_list", out var b) && b.GetArrayLength() > 0 ? b[0].GetProperty("key").GetString() : null;

    /// <summary>The text a card update put in place of the button.</summary>
    public string? ReplaceName => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("button", out var b) && b.TryGetProperty("replace_name", out var r) ? r.GetString() : null;

    /// <summary>The response code a card update used.</summary>
    public string? ResponseCode => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("response_code", out var r) ? r.GetString() : null;
}
