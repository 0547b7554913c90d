namespace ChatAssistant.WebChat;

/// <summary>Settings of the web chat at <c>/</c> (section <c>WebChat</c>).</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>
    /// Whether <c>/</c> serves the chat. Unset: on in Development and for the embedded default (no WeChat account
    /// configured), off when a WeChat account is (production). Set it to turn it on or off whatever the environment.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Messages one visitor may send per minute; more are answered 「发得太快了」 and not run.</summary>
    public int MessagesPerMinute { get; set; } = 20;

    /// <summary>The longest message accepted, in characters (WeChat's text box allows about as much).</summary>
    public int MaxLength { get; set; } = 600;

    /// <summary>How long a staff reply waits in a visitor's inbox for the page to fetch it.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(3);
}
