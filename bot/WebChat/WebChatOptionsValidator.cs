using Microsoft.Extensions.Options;

namespace ChatAssistant.WebChat;

/// <summary>Checks <see cref="WebChatOptions"/> at start-up; every message names the setting.</summary>
internal sealed class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        var errors = new List<string>();
        if (options.MessagesPerMinute is < 1 or > 600) errors.Add("WebChat:MessagesPerMinute must be between 1 and 600.");
        if (options.MaxLength is < 10 or > 5000) errors.Add("WebChat:MaxLength must be between 10 and 5000.");
        if (options.InboxRetention < TimeSpan.FromMinutes(1) || options.InboxRetention > TimeSpan.FromDays(30))
            errors.Add("WebChat:InboxRetention must be between 00:01:00 and 30.00:00:00.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
