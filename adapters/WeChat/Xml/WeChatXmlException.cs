namespace ChatAssistant.Adapters.WeChat;

/// <summary>The body is not acceptable XML (malformed, has a DTD, or too large).</summary>
public sealed class WeChatXmlException() : Exception("The request body is not acceptable XML.");
