namespace ChatAssistant.Adapters;

/// <summary>
/// Names of the channel-neutral event activities that adapters send to the bot
/// (<c>Activity.Type == "event"</c>, <c>Activity.Name</c> one of these, <c>Activity.Value</c> a string or null).
/// </summary>
public static class ChannelEvents
{
    /// <summary>The user followed the account. Value: the QR scene (without <c>qrscene_</c>) or null.</summary>
    public const string Subscribe = "subscribe";

    /// <summary>The user unfollowed the account. No reply can reach them.</summary>
    public const string Unsubscribe = "unsubscribe";

    /// <summary>A follower scanned a parametric QR code. Value: the scene, e.g. <c>duty:3</c>.</summary>
    public const string Scan = "scan";

    /// <summary>A menu button was clicked. Value: the button key, e.g. <c>GUIDE</c>.</summary>
    public const string MenuClick = "menu";

    /// <summary>
    /// A button of a card the app sent was pressed (WeCom's <c>template_card_event</c>). Value: the button's key; the
    /// activity's channel data carries <c>TaskId</c> and <c>ResponseCode</c> (what updating the card takes).
    /// </summary>
    public const string CardButton = "card-button";
}
