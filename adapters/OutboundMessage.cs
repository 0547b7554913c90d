namespace ChatAssistant.Adapters;

/// <summary>A message the assistant sends on its own initiative (staff reply, reminder), outside a user's turn.</summary>
/// <param name="ChannelId">Channel of the user ("wechat", "console", "test").</param>
/// <param name="UserId">The user on that channel (the OpenID on WeChat).</param>
/// <param name="Text">The text; also the fallback when a template cannot be used.</param>
/// <param name="TemplateKey">Optional operator-configured template (e.g. "duty_reminder") for channels that need one outside the reply window.</param>
/// <param name="TemplateFields">Fields of that template.</param>
/// <param name="RecordIfUndelivered">
/// False when the caller keeps a refusal in its own (encrypted, retention-managed) history — ticket and hand-off
/// replies — so the channel does not store the text and the user's id a second time in clear.
/// </param>
public sealed record OutboundMessage(
    string ChannelId,
    string UserId,
    string Text,
    string? TemplateKey = null,
    IReadOnlyDictionary<string, string>? TemplateFields = null,
    bool RecordIfUndelivered = true);
