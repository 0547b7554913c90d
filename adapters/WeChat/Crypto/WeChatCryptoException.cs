namespace ChatAssistant.Adapters.WeChat;

/// <summary>The one error every decryption failure raises, whatever went wrong.</summary>
public sealed class WeChatCryptoException() : Exception("The encrypted message is not valid.");
