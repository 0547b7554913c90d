using System.Globalization;

namespace ChatAssistant.Load.Traffic;

/// <summary>
/// The further Official Accounts of a run with <c>--accounts N</c>: account k (1 … N-1) is <c>WeChat:Accounts:load{k}</c>,
/// with its own token and AppId, at <c>/api/wechat/load{k}</c>. Account 0 is the default one.
/// </summary>
public static class LoadAccounts
{
    public static string Name(int k) => "load" + k.ToString(CultureInfo.InvariantCulture);

    public static string Token(int k) => "loadtoken" + k.ToString(CultureInfo.InvariantCulture);

    public static string AppId(int k) => "wx0123456789acc" + k.ToString("D2", CultureInfo.InvariantCulture);

    public static string Path(int k) => "/api/wechat/" + Name(k);

    /// <summary>The server settings of accounts 1 … <paramref name="count"/>-1 (compatible mode, like the default one).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings(int count, string encodingAesKey)
    {
        for (var k = 1; k < count; k++)
        {
            var section = "WeChat:Accounts:" + Name(k) + ":";
            yield return new(section + "Token", Token(k));
            yield return new(section + "AppId", AppId(k));
            yield return new(section + "AppSecret", "load-secret-" + k.ToString(CultureInfo.InvariantCulture));
            yield return new(section + "EncodingAESKey", encodingAesKey);
            yield return new(section + "Mode", "compatible");
        }
    }

    /// <summary>A signer per further account.</summary>
    public static IReadOnlyList<WeChatSigner> Signers(int count, string encodingAesKey, bool safeMode) =>
        Enumerable.Range(1, count - 1).Select(k => new WeChatSigner(Token(k), AppId(k), encodingAesKey, safeMode)).ToList();
}
