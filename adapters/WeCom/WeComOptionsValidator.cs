using System.Text.RegularExpressions;
using ChatAssistant.Adapters.WeChat;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Adapters.WeCom;

/// <summary>Checks <see cref="WeComOptions"/> at start-up; every message names the setting and says where to find its value.</summary>
public sealed partial class WeComOptionsValidator : IValidateOptions<WeComOptions>
{
    public ValidateOptionsResult Validate(string? name, WeComOptions o)
    {
        var errors = new List<string>();
        if (o.Enabled)
        {
            if (string.IsNullOrWhiteSpace(o.CorpId) || !Id().IsMatch(o.CorpId))
                errors.Add("Setting 'WeCom:CorpId' must be the enterprise's CorpID (我的企业 → 企业信息 → 企业ID).");
            if (string.IsNullOrWhiteSpace(o.AgentId) || !Digits().IsMatch(o.AgentId))
                errors.Add("Setting 'WeCom:AgentId' must be the self-built app's AgentId, a number (应用管理 → the app).");
            if (string.IsNullOrWhiteSpace(o.Secret))
                errors.Add("Setting 'WeCom:Secret' is required: the self-built app's Secret (应用管理 → the app → Secret).");
            if (string.IsNullOrWhiteSpace(o.Token) || !Token().IsMatch(o.Token))
                errors.Add("Setting 'WeCom:Token' must be 3-32 letters or digits: the Token of the app's 接收消息 API settings.");
            if (!WeChatCipherKey.TryParse(o.EncodingAESKey, out _))
                errors.Add("Setting 'WeCom:EncodingAESKey' must be the 43-character EncodingAESKey of the app's 接收消息 API settings.");
        }
        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            errors.Add("Setting 'WeCom:ApiBaseUrl' must be an absolute http(s) URL, e.g. https://qyapi.weixin.qq.com.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Id();

    [GeneratedRegex("^[0-9]{1,12}$")]
    private static partial Regex Digits();

    [GeneratedRegex("^[A-Za-z0-9]{3,32}$")]
    private static partial Regex Token();
}
