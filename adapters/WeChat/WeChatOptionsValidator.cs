using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>Checks <see cref="WeChatOptions"/> at start-up; every message names the setting to fix.</summary>
public sealed partial class WeChatOptionsValidator : IValidateOptions<WeChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatOptions o)
    {
        var errors = new List<string>();
        if (o.Enabled) Identity(o, WeChatOptions.Section + ":", errors);
        else Mode(o, WeChatOptions.Section + ":", errors);
        Content(o, WeChatOptions.Section + ":", errors);
        var appIds = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(o.AppId)) appIds.Add(o.AppId);
        foreach (var (account, own) in o.Accounts)
        {
            var prefix = $"{WeChatOptions.Section}:Accounts:{account}:";
            if (!AccountName().IsMatch(account) || account is WeChatAccount.DefaultName or "baseline")
                errors.Add($"{WeChatOptions.Section}:Accounts:{account} is not a usable account name: use 1-32 lower-case letters, digits or '-' (it is the callback's last path segment, /api/wechat/{{name}}); 'default' and 'baseline' are taken.");
            Identity(own, prefix, errors);
            Content(own, prefix, errors);
            if (!string.IsNullOrWhiteSpace(own.AppId) && !appIds.Add(own.AppId))
                errors.Add($"{prefix}AppId {own.AppId} is already another account's: each Official Account is configured once.");
        }
        if (o.UndeliveredRetentionDays < 1 || o.UndeliveredRetentionDays > 3650)
            errors.Add("WeChat:UndeliveredRetentionDays must be between 1 and 3650.");
        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            errors.Add("WeChat:ApiBaseUrl must be an absolute http(s) URL, e.g. https://api.weixin.qq.com.");
        if (o.ReplyDeadline < TimeSpan.FromMilliseconds(200) || o.ReplyDeadline > TimeSpan.FromSeconds(4.5))
            errors.Add("WeChat:ReplyDeadline must be between 00:00:00.2 and 00:00:04.5 (WeChat gives up after 5 s).");
        if (o.TimestampWindow < TimeSpan.FromSeconds(30) || o.TimestampWindow > WeChatOptions.MaxTimestampWindow)
            errors.Add("WeChat:TimestampWindow must be between 00:00:30 and 01:00:00.");
        if (o.MaxBodyBytes < 4096 || o.MaxBodyBytes > 1024 * 1024)
            errors.Add("WeChat:MaxBodyBytes must be between 4096 and 1048576.");
        if (o.CustomerServiceQuota < 0 || o.EventQuota < 0)
            errors.Add("WeChat:CustomerServiceQuota and WeChat:EventQuota must not be negative.");
        if (o.UserMessagesPerMinute < 0 || o.UserMessagesPerMinute > 6000)
            errors.Add("WeChat:UserMessagesPerMinute must be between 0 (no limit) and 6000.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>An account's identity; <paramref name="prefix"/> names its section in every message.</summary>
    private static void Identity(WeChatOptions o, string prefix, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(o.Token) || !TokenPattern().IsMatch(o.Token))
            errors.Add($"{prefix}Token must be 3-32 letters or digits (the token on the account's server configuration page).");
        if (string.IsNullOrWhiteSpace(o.AppId))
            errors.Add($"{prefix}AppId is required when the WeChat channel is configured.");
        if (!string.IsNullOrEmpty(o.EncodingAESKey) && !WeChatCipherKey.TryParse(o.EncodingAESKey, out _))
            errors.Add($"{prefix}EncodingAESKey must be the 43-character key shown on the account's server configuration page.");
        Mode(o, prefix, errors);
    }

    /// <summary>What the account's users are shown: its name, counties, guide overlay and catalogue.</summary>
    private static void Content(WeChatOptions o, string prefix, List<string> errors)
    {
        if (o.DisplayName is { } display && (display.Trim().Length == 0 || display.Length > 30))
            errors.Add($"{prefix}DisplayName must be 1-30 characters (the account's name as its users know it), or left unset.");
        if (o.Counties.Any(string.IsNullOrWhiteSpace))
            errors.Add($"{prefix}Counties must not have an empty entry.");
        if (!string.IsNullOrWhiteSpace(o.GuideOverlay) && !Directory.Exists(o.GuideOverlay))
            errors.Add($"{prefix}GuideOverlay: the folder {Path.GetFullPath(o.GuideOverlay)} does not exist. Give the folder of the account's guide overlay, or leave it unset.");
        if (!string.IsNullOrWhiteSpace(o.Catalogue) && !File.Exists(o.Catalogue))
            errors.Add($"{prefix}Catalogue: the file {Path.GetFullPath(o.Catalogue)} does not exist. Give the account's 爱心超市 catalogue file, or leave it unset for the shared one.");
    }

    private static void Mode(WeChatOptions o, string prefix, List<string> errors)
    {
        if (o.ModeIsSet && !WeChatAccountModes.TryParse(o.Mode, out _))
            errors.Add($"{prefix}Mode must be {WeChatAccountModes.Words}: what 消息加解密方式 is set to on the account's server configuration page (明文 = plain, 兼容 = compatible, 安全 = safe).");
        else if (o.AccountMode != WeChatAccountMode.Plain && !o.HasEncodingAESKey)
            errors.Add($"{prefix}Mode is {o.AccountMode.Word()} but {prefix}EncodingAESKey is not set: compatible and safe mode need the account's 43-character EncodingAESKey.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex AccountName();

    [GeneratedRegex("^[A-Za-z0-9]{3,32}$")]
    private static partial Regex TokenPattern();
}
