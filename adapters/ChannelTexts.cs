namespace ChatAssistant.Adapters;

/// <summary>Words every channel and the bot answer with alike.</summary>
public static class ChannelTexts
{
    /// <summary>
    /// The shared store (Redis) failed or a turn could not finish: nothing was done, the user sends again later.
    /// The bot's turn-error handler and the WeChat adapter (a message whose retry claim failed) both answer it.
    /// </summary>
    public const string Busy = "系统繁忙，请稍后再试。";
}
