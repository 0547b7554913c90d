using System.Text.Json;

namespace ChatAssistant.Adapters.WeChat.Fake;

/// <summary>One call the fake received.</summary>
public sealed record FakeWeChatCall(string Path, string? AccessToken, JsonElement Body, int ErrCode, DateTimeOffset At)
{
    /// <summary>The recipient OpenID of a send, if any.</summary>
    public string? ToUser => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("touser", out var t) ? t.GetString() : null;

    /// <summary>The text of a customer-service text message, if any.</summary>
    public string? Text => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("text", out var t) ? t.GetProperty("content").GetString() : null;
}
