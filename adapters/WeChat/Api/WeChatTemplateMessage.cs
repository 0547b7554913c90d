namespace ChatAssistant.Adapters.WeChat;

/// <summary>A template message (reaches users outside the 48-hour window; the template id is set up by the operator).</summary>
public sealed record WeChatTemplateMessage(string OpenId, string TemplateId, IReadOnlyDictionary<string, string> Data, string? Url = null);
