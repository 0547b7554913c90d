namespace ChatAssistant.Adapters.WeChat;

/// <summary>Turns the 43-character EncodingAESKey into the 32-byte AES key WeChat uses.</summary>
public static class WeChatCipherKey
{
    /// <summary>Key = Base64(EncodingAESKey + "="); false unless that is exactly 32 bytes.</summary>
    public static bool TryParse(string? encodingAesKey, out byte[] key)
    {
        key = [];
        if (encodingAesKey is null || encodingAesKey.Length != 43) return false;
        var buffer = new byte[33];
        if (!Convert.TryFromBase64String(encodingAesKey + "=", buffer, out var written) || written != 32) return false;
        key = buffer[..32];
        return true;
    }
}
